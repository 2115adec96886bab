import type { Tx } from "../client";

/**
 * Locks the organization's owner memberships and returns how many there are, so that two
 * concurrent demotions can't both see "another owner exists" and leave none.
 */
export async function lockOwners(tx: Tx, orgId: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Membership" WHERE "orgId" = ${orgId} AND role = 'owner' FOR UPDATE`;
  return rows.length;
}
