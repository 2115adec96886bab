import type { KubeObject } from "../types";
import { accessLab } from "./access-lab";
import { legacyOnprem } from "./legacy-onprem";
import { paymentsProd } from "./payments-prod";
import { shopStaging } from "./shop-staging";
import { vulnLab } from "./vuln-lab";

export const scenarios: Record<string, () => { objects: KubeObject[]; version: string }> = {
  "payments-prod": paymentsProd,
  "shop-staging": shopStaging,
  "legacy-onprem": legacyOnprem,
  "access-lab": accessLab,
  "vuln-lab": vulnLab,
};
