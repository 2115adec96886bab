import type { Scan } from "../generated/prisma/client";
import { db } from "../client";

export async function getScan(input: { orgId: string; scanId: string }): Promise<Scan | null> {
  return db.scan.findFirst({ where: { id: input.scanId, orgId: input.orgId } });
}
