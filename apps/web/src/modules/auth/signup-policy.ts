// Who may create an organization by signing up (BULWARK_SIGNUP): anyone ("open"), people whose
// email is in BULWARK_SIGNUP_DOMAINS ("domains"), or only the first user of a fresh install
// ("invite-only", the default): everyone else joins through an invite link. Invites always work.

export type TSignUpMode = "open" | "domains" | "invite-only";

export interface TSignUpPolicy {
  mode: TSignUpMode;
  domains: string[];
}

/** For one email: create freely, or only while the install has no user yet. */
export function signUpFor(email: string, policy: TSignUpPolicy): "open" | "first-user-only" {
  if (policy.mode === "open") return "open";
  if (policy.mode === "domains") {
    const domain = email.trim().toLowerCase().split("@").pop() ?? "";
    if (policy.domains.includes(domain)) return "open";
  }
  return "first-user-only";
}

export function parseSignUpDomains(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}
