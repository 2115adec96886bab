import type { Membership, Organization, User } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { normalizeEmail } from "./normalize-email";
import { uniqueSlug } from "../orgs/unique-slug";

/** Sign-up: the user, their first organization and an owner membership, atomically. */
export async function createUserWithOrganization(input: {
  email: string;
  name?: string;
  passwordHash: string | null;
  orgName: string;
  oidcSubject?: string;
}): Promise<{ user: User; org: Organization; membership: Membership }> {
  const email = normalizeEmail(input.email);
  const orgName = input.orgName.trim();
  if (!email.includes("@")) throw new DomainError("email address is not valid");
  if (!orgName) throw new DomainError("organization name is required");
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name: input.name?.trim() || null, passwordHash: input.passwordHash, oidcSubject: input.oidcSubject ?? null },
      });
      const org = await tx.organization.create({ data: { name: orgName, slug: await uniqueSlug(tx, orgName) } });
      const membership = await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
      await writeAudit({ orgId: org.id, actorId: user.id, action: "org.create", targetType: "organization", targetId: org.id }, tx);
      return { user, org, membership };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new DomainError("an account with this email already exists");
    }
    throw e;
  }
}
