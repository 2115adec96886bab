import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError, NotFoundError } from "@bulwark/db";
import { HttpError } from "./errors";
import { failure, withPublic } from "./with-org";

describe("failure", () => {
  it("maps data-layer errors to 404 and 409 without inventing 403s", () => {
    expect(failure(new NotFoundError("cluster"))).toMatchObject({ status: 404, code: "not_found" });
    expect(failure(new DomainError("you are already a member"))).toMatchObject({ status: 409, error: "you are already a member" });
  });
  it("keeps an HttpError's status and field errors", () => {
    expect(failure(new HttpError(400, "bad", "invalid_kubeconfig", { kubeconfig: "users[0].user.exec: refused" }))).toEqual({
      ok: false, status: 400, code: "invalid_kubeconfig", error: "bad", fieldErrors: { kubeconfig: "users[0].user.exec: refused" },
    });
  });
  it("hides internals of unexpected errors", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const r = failure(new Error("password=hunter2 at db.ts:12"));
    expect(r.status).toBe(500);
    expect(r.error).not.toContain("hunter2");
    spy.mockRestore();
  });
});

describe("withPublic", () => {
  it("answers 400 with the offending field named and never calls the handler", async () => {
    let called = false;
    const op = withPublic({ schema: z.object({ email: z.email("Enter a valid email address") }) }, async () => { called = true; return 1; });
    const r = await op({ email: "nope" });
    expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { email: "Enter a valid email address" } });
    expect(called).toBe(false);
    expect(await withPublic({ schema: z.object({}) }, async () => 42)({})).toEqual({ ok: true, data: 42 });
  });
});
