import { describe, expect, it } from "vitest";
import { ZChangesInput, ZSubjectInput, subjectHref } from "./access.schemas";

describe("subject names in access URLs", () => {
  it.each(["alice@corp.example", "oidc:Alice Smith", "arn:aws:iam::111122223333:role/eks-admins", "https://accounts.google.com#1234"])("takes %s as a user name and links to it", (name) => {
    const parsed = ZSubjectInput.parse({ kind: "User", name });
    expect(parsed.name).toBe(name);
    const href = new URL(subjectHref({ kind: "User", name }), "http://x");
    expect(href.searchParams.get("name")).toBe(name);
    expect(ZChangesInput.parse({ kind: "User", name }).name).toBe(name);
  });

  it("refuses control characters and a service account without its namespace", () => {
    expect(ZSubjectInput.safeParse({ kind: "User", name: "bad\nname" }).success).toBe(false);
    expect(ZSubjectInput.safeParse({ kind: "ServiceAccount", name: "ci" }).success).toBe(false);
    expect(ZSubjectInput.safeParse({ kind: "ServiceAccount", name: "ci", namespace: "tools" }).success).toBe(true);
  });
});
