import { randomBytes } from "node:crypto";

/** Collision-resistant, roughly time-ordered ids for rows written by raw SQL (Prisma's cuid() is client-side). */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(9).toString("base64url").replace(/[-_]/g, "x").toLowerCase()}`;
}
