import type { Membership, Organization, User } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { normalizeEmail } from "./normalize-email";
import { uniqueSlug } from "../orgs/unique-slug";
import { SignUpClosedError } from "./sign-up-closed-error";

// Any constant: serialises "is this the first user?" across concurrent sign-ups.
const FIRST_USER_LOCK = 0x6275_6c77;

/** Sign-up: the user, their first organization and an owner membership, atomically. */
export async function createUserWithOrganization(input: {
  email: string;
  name?: string;
  passwordHash: string | null;
  orgName: string;
  oidcSubject?: string;
  oidcIssuer?: string;
  /** invite-only installs: succeed only while the install has no user yet (the first owner) */
  onlyFirstUser?: boolean;
  /** the address is proven (an identity provider's email_verified); otherwise a mailed link proves it */
  emailVerified?: boolean;
}): Promise<{ user: User; org: Organization; membership: Membership }> {
  const email = normalizeEmail(input.email);
  const orgName = input.orgName.trim();
  if (!email.includes("@")) throw new DomainError("email address is not valid");
  if (!orgName) throw new DomainError("organization name is required");
  try {
    return await db.$transaction(async (tx) => {
      if (input.onlyFirstUser) {
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${FIRST_USER_LOCK}::bigint)`;
        if ((await tx.user.count()) > 0) throw new SignUpClosedError();
      }
      const user = await tx.user.create({
        data: { email, name: input.name?.trim() || null, passwordHash: input.passwordHash, oidcSubject: input.oidcSubject ?? null, oidcIssuer: input.oidcIssuer ?? null, emailVerifiedAt: input.emailVerified ? new Date() : null },
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
