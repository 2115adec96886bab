// Ticket integrations (Jira Cloud, GitHub Issues) and tickets: one schema for the browser's forms
// and the server's actions and routes. Client-safe (no server imports).
import { z } from "zod";

export const TICKET_KINDS = ["jira", "github"] as const;
export type TTicketKindValue = (typeof TICKET_KINDS)[number];
export const KIND_LABEL: Record<TTicketKindValue, string> = { jira: "Jira", github: "GitHub Issues" };
export const GITHUB_API = "https://api.github.com";

const ZId = z.string().trim().min(1).max(64);
const ZName = z.string().trim().min(1, "Give the integration a name").max(80, "At most 80 characters");
// https (plain http only where the operator allows private networks: the data layer decides and says so).
const ZHttpsUrl = z
  .string()
  .trim()
  .max(500, "At most 500 characters")
  .refine((v) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(v), "Enter an https:// address (no query string)");
const ZToken = z.string().trim().min(8, "Paste the whole token").max(2000, "At most 2000 characters");
const ZJiraProject = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{1,9}$/, "A Jira project key, e.g. SEC: 2-10 letters, digits or _")
  .transform((v) => v.toUpperCase());
const ZGitHubRepo = z.string().trim().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, "owner/repo, e.g. acme/platform");
const ZIssueType = z.string().trim().min(1, "An issue type, e.g. Task").max(60);
const ZEmail = z.string().trim().max(254).email("The Atlassian account's email");
const ZTransition = z.string().trim().min(1, "A transition name, e.g. Done").max(60);

const jiraFields = {
  kind: z.literal("jira"),
  name: ZName,
  baseUrl: ZHttpsUrl,
  project: ZJiraProject,
  issueType: ZIssueType.default("Task"),
  username: ZEmail,
  doneTransition: ZTransition.default("Done"),
  enabled: z.boolean().default(true),
};
const githubFields = {
  kind: z.literal("github"),
  name: ZName,
  baseUrl: ZHttpsUrl.default(GITHUB_API),
  project: ZGitHubRepo,
  enabled: z.boolean().default(true),
};

/** A new integration: Jira (site, project key, issue type, account email, token, done transition) or GitHub (API base, owner/repo, token). */
export const ZCreateIntegration = z.discriminatedUnion("kind", [
  z.object({ ...jiraFields, token: ZToken }),
  z.object({ ...githubFields, token: ZToken }),
]);
export type TCreateIntegration = z.input<typeof ZCreateIntegration>;

/** A change: the same fields, each optional; the token is write-only and kept when left out or empty. */
export const ZUpdateIntegration = z.object({
  id: ZId,
  name: ZName.optional(),
  baseUrl: ZHttpsUrl.optional(),
  project: z.string().trim().min(1).max(140).optional(),
  issueType: ZIssueType.optional(),
  username: ZEmail.optional(),
  doneTransition: ZTransition.optional(),
  enabled: z.boolean().optional(),
  token: z.union([z.literal(""), ZToken]).optional(),
});
export type TUpdateIntegration = z.input<typeof ZUpdateIntegration>;

/** The project field's own rule for each kind (the update schema cannot know the kind). */
export function projectError(kind: TTicketKindValue, project: string): string | null {
  const r = (kind === "jira" ? ZJiraProject : ZGitHubRepo).safeParse(project);
  return r.success ? null : (r.error.issues[0]?.message ?? "Invalid project");
}

export const ZIntegrationId = z.object({ id: ZId });

export const TICKET_SOURCES = ["finding", "risk", "rule"] as const;

/** POST /api/tickets and the "Create ticket" menus: the subject named by its source. */
export const ZCreateTicket = z
  .object({
    integrationId: ZId,
    source: z.enum(TICKET_SOURCES),
    findingId: ZId.optional(),
    riskId: ZId.optional(),
    ruleId: z.string().trim().min(1).max(128).optional(),
    clusterId: ZId.optional(),
  })
  .superRefine((v, ctx) => {
    const need = v.source === "finding" ? "findingId" : v.source === "risk" ? "riskId" : "ruleId";
    if (!v[need]) ctx.addIssue({ code: "custom", path: [need], message: `A ${v.source} ticket needs ${need}` });
    for (const other of ["findingId", "riskId", "ruleId"] as const) {
      if (other !== need && v[other]) ctx.addIssue({ code: "custom", path: [other], message: `A ${v.source} ticket takes ${need}, not ${other}` });
    }
    if (v.clusterId && v.source !== "rule") ctx.addIssue({ code: "custom", path: ["clusterId"], message: "clusterId narrows a rule ticket only" });
  });
export type TCreateTicket = z.input<typeof ZCreateTicket>;

/** GET /api/tickets: the tickets of one subject (a finding's include those of its risks and rule group), or the newest. */
export const ZListTickets = z.object({
  finding: ZId.optional(),
  risk: ZId.optional(),
  rule: z.string().trim().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const TICKET_STATUS_LABEL: Record<string, string> = { pending: "Pending", open: "Open", closed: "Closed", failed: "Failed" };

/** A link only when it is an absolute http(s) URL: a ticket's URL comes from another system. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : null;
  } catch {
    return null;
  }
}
