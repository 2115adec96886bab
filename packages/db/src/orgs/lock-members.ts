import type { Role } from "../generated/prisma/client";
import type { Tx } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { lockOwners } from "./lock-owners";

/** Who may change whom, decided on rows locked for the rest of the transaction. */
export interface TLockedMembers {
  owners: number;
  target: { id: string; role: Role };
}

/**
 * Locks the owners, the actor's and the target's memberships (owners first, then by id, so two
 * transactions always lock in the same order) and checks the actor may manage the target now,
 * not as of some earlier read: an admin must not demote someone promoted to owner a moment ago,
 * nor act after losing their own admin role.
 */
export async function lockMemberChange(tx: Tx, input: { orgId: string; userId: string; actorId: string; newRole?: Role }): Promise<TLockedMembers> {
  const owners = await lockOwners(tx, input.orgId);
  const rows = await tx.$queryRaw<Array<{ id: string; userId: string; role: Role }>>`
    SELECT id, "userId", role::text AS role FROM "Membership"
    WHERE "orgId" = ${input.orgId} AND "userId" IN (${input.userId}, ${input.actorId})
    ORDER BY id FOR UPDATE`;
  const target = rows.find((r) => r.userId === input.userId);
  if (!target) throw new NotFoundError("member");
  const actor = rows.find((r) => r.userId === input.actorId);
  if (!actor || (actor.role !== "owner" && actor.role !== "admin")) throw new DomainError("only owners and admins can manage members");
  if ((target.role === "owner" || input.newRole === "owner") && actor.role !== "owner") {
    throw new DomainError("only owners can grant, change or remove the owner role");
  }
  return { owners, target: { id: target.id, role: target.role } };
}
