import { describe, expect, it } from "vitest";
import { exceptionCoverText, exceptionRequestText, requestIsSeparate } from "./exception-history";

const ana = { id: "u-ana", name: "Ana" };
const bo = { id: "u-bo", name: "Bo" };
const base = { expiresAt: "2026-03-01T23:59:59.000Z", status: "approved" };

describe("exception history wording", () => {
  it("names who requested and who approved, and until when", () => {
    expect(exceptionCoverText({ ...base, requestedBy: ana, decidedBy: bo }, "someone-else")).toBe("Ana requested an exception; Bo approved it: covers this finding until 2026-03-01");
  });
  it("speaks to the reader as you, in either place of the sentence", () => {
    expect(exceptionCoverText({ ...base, requestedBy: ana, decidedBy: bo }, ana.id)).toBe("You requested an exception; Bo approved it: covers this finding until 2026-03-01");
    expect(exceptionCoverText({ ...base, requestedBy: ana, decidedBy: bo }, bo.id)).toBe("Ana requested an exception; you approved it: covers this finding until 2026-03-01");
  });
  it("a direct grant is one sentence, and the request is not repeated", () => {
    expect(exceptionCoverText({ ...base, requestedBy: bo, decidedBy: bo }, "x", "this risk")).toBe("Bo granted an exception: covers this risk until 2026-03-01");
    expect(requestIsSeparate({ ...base, requestedBy: bo, decidedBy: bo })).toBe(false);
    expect(requestIsSeparate({ ...base, requestedBy: ana, decidedBy: bo })).toBe(true);
  });
  it("requests say whether they wait or were rejected", () => {
    expect(exceptionRequestText({ ...base, status: "requested", requestedBy: ana, decidedBy: null }, "x")).toBe("Ana requested an exception (waiting for an admin)");
    expect(exceptionRequestText({ ...base, status: "rejected", requestedBy: ana, decidedBy: bo }, ana.id)).toBe("You requested an exception; Bo rejected it");
  });
  it("never says 'You covers it'", () => {
    expect(exceptionCoverText({ ...base, requestedBy: null, decidedBy: null }, "x")).toBe("An exception covers this finding until 2026-03-01");
  });
});
