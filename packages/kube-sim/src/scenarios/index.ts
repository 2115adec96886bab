import type { KubeObject } from "../types";
import { legacyOnprem } from "./legacy-onprem";
import { paymentsProd } from "./payments-prod";
import { shopStaging } from "./shop-staging";

export const scenarios: Record<string, () => { objects: KubeObject[]; version: string }> = {
  "payments-prod": paymentsProd,
  "shop-staging": shopStaging,
  "legacy-onprem": legacyOnprem,
};
