// admission rules (category barrel).
import type { Rule } from "../../types";
import { admissionNoPolicyEngine } from "./admission-no-policy-engine";
import { admissionPolicyWebhookFailOpen } from "./admission-policy-webhook-fail-open";
import { admissionSccPrivileged } from "./admission-scc-privileged";
import { admissionWebhookInventory } from "./admission-webhook-inventory";

export const admissionRules: Rule[] = [
  admissionNoPolicyEngine,
  admissionPolicyWebhookFailOpen,
  admissionSccPrivileged,
  admissionWebhookInventory,
];
