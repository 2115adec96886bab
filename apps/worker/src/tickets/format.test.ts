import { describe, expect, it } from "vitest";
import { adfProblem } from "./fakes/jira-fake";
import { toAdf, toMarkdown } from "./format";
import { describeErrorBody, rateLimitWaitMs } from "./http";

describe("ticket bodies", () => {
  it("keeps cluster text from becoming Markdown links or HTML, and code spans intact", () => {
    const md = toMarkdown([{ type: "paragraph", parts: [{ text: "[click](https://evil) <img src=x> *bold*" }, { text: "a`b", code: true }] }]);
    expect(md).toBe("\\[click\\](https://evil) \\<img src=x\\> \\*bold\\*`` a`b ``");
  });
  it("renders valid ADF without empty text nodes", () => {
    const doc = toAdf([{ type: "heading", text: "Fix" }, { type: "paragraph", parts: [{ text: "" }, { text: "x", link: "https://b.example" }] }, { type: "list", items: [[{ text: "a", strong: true }]] }, { type: "code", language: "yaml", text: "a: 1" }]);
    expect(adfProblem(doc)).toBeNull();
    expect(adfProblem({ type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "" }] }] })).toMatch(/non-empty/);
  });
});

describe("remote answers", () => {
  it("reads Retry-After, GitHub's secondary limits and reset times", () => {
    expect(rateLimitWaitMs(429, { "retry-after": "7" }, null)).toBe(7000);
    expect(rateLimitWaitMs(403, { "retry-after": "2" }, null)).toBe(2000);
    expect(rateLimitWaitMs(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1010" }, null, 1_000_000)).toBe(10_000);
    expect(rateLimitWaitMs(403, {}, { message: "You have exceeded a secondary rate limit" })).toBe(60_000);
    expect(rateLimitWaitMs(403, {}, { message: "Resource not accessible by integration" })).toBeUndefined();
    expect(rateLimitWaitMs(400, { "retry-after": "3" }, null)).toBeUndefined();
  });
  it("summarizes Jira and GitHub error bodies", () => {
    expect(describeErrorBody({ errorMessages: ["No project"], errors: { summary: "required" } })).toBe("No project; summary: required");
    expect(describeErrorBody({ message: "Validation Failed", errors: [{ resource: "Issue", code: "missing_field", field: "title" }] })).toBe("Validation Failed; title: missing_field");
  });
});
