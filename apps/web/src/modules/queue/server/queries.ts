// The SLA policy, for the Findings page's header and the policy page.
import { getSlaPolicy } from "@bulwark/db";

export async function querySla(orgId: string) {
  return getSlaPolicy({ orgId });
}
