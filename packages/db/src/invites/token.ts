import { createHash, randomBytes } from "node:crypto";

export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored: a database leak does not leak usable invite links. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
