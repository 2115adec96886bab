-- OIDC identities are (issuer, subject) pairs. Sessions carry a version that revocation raises.
DROP INDEX "User_oidcSubject_key";

ALTER TABLE "User" ADD COLUMN     "oidcIssuer" TEXT,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "User_oidcSubject_idx" ON "User"("oidcSubject");

CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");
