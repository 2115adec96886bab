// A local stand-in for Jira Cloud's REST API v3, as documented: basic auth with an account email
// and API token; POST /rest/api/3/issue (fields.project.key, summary, issuetype.name, a description
// in Atlassian Document Format) -> 201 {id, key, self}; GET /rest/api/3/issue/{key}?fields=status;
// GET/POST /rest/api/3/issue/{key}/transitions ({transition: {id}} -> 204); POST
// /rest/api/3/issue/{key}/comment ({body: ADF} -> 201). Bad input answers 400 {errorMessages,
// errors}, bad credentials 401, an unknown issue 404. Tests only.
import { FakeApi, type TFakeReply } from "./fake-server";

interface TJiraStatus {
  name: string;
  category: "new" | "indeterminate" | "done";
}
const STATUSES: Record<string, TJiraStatus> = {
  "To Do": { name: "To Do", category: "new" },
  "In Progress": { name: "In Progress", category: "indeterminate" },
  Done: { name: "Done", category: "done" },
};
const TRANSITIONS = [
  { id: "11", name: "To Do", to: "To Do" },
  { id: "21", name: "In Progress", to: "In Progress" },
  { id: "31", name: "Done", to: "Done" },
];

export interface TJiraIssue {
  id: string;
  key: string;
  fields: { project: string; summary: string; issuetype: string; description: unknown; labels: string[] };
  status: TJiraStatus;
  comments: { id: string; body: unknown }[];
}

const INLINE = new Set(["text", "hardBreak", "mention", "emoji", "inlineCard"]);
const MARKS = new Set(["strong", "em", "code", "link", "strike", "underline"]);

/** Why `node` is not an ADF document (the subset Bulwark writes and Jira accepts), or null. */
export function adfProblem(doc: unknown): string | null {
  const d = doc as { type?: unknown; version?: unknown; content?: unknown };
  if (!d || typeof d !== "object") return "not an object";
  if (d.type !== "doc" || d.version !== 1 || !Array.isArray(d.content)) return 'the root must be {type: "doc", version: 1, content: [...]}';
  const inline = (nodes: unknown, where: string): string | null => {
    if (!Array.isArray(nodes)) return `${where}: content must be an array`;
    for (const n of nodes as { type?: unknown; text?: unknown; marks?: unknown }[]) {
      if (!INLINE.has(String(n.type))) return `${where}: ${String(n.type)} is not an inline node`;
      if (n.type === "text" && (typeof n.text !== "string" || n.text.length === 0)) return `${where}: a text node needs non-empty text`;
      if (n.marks !== undefined) {
        if (!Array.isArray(n.marks)) return `${where}: marks must be an array`;
        for (const m of n.marks as { type?: unknown; attrs?: { href?: unknown } }[]) {
          if (!MARKS.has(String(m.type))) return `${where}: unknown mark ${String(m.type)}`;
          if (m.type === "link" && typeof m.attrs?.href !== "string") return `${where}: a link mark needs attrs.href`;
        }
      }
    }
    return null;
  };
  const block = (n: { type?: unknown; content?: unknown; attrs?: { level?: unknown } }, where: string): string | null => {
    switch (n.type) {
      case "paragraph":
        return n.content === undefined ? null : inline(n.content, where);
      case "heading":
        if (typeof n.attrs?.level !== "number" || n.attrs.level < 1 || n.attrs.level > 6) return `${where}: a heading needs attrs.level 1-6`;
        return inline(n.content ?? [], where);
      case "codeBlock": {
        const c = (n.content ?? []) as { type?: unknown; marks?: unknown }[];
        if (!Array.isArray(c) || c.some((x) => x.type !== "text" || x.marks !== undefined)) return `${where}: a codeBlock holds unmarked text only`;
        return inline(c, where);
      }
      case "bulletList":
      case "orderedList": {
        if (!Array.isArray(n.content) || n.content.length === 0) return `${where}: a list needs listItems`;
        for (const [i, item] of (n.content as { type?: unknown; content?: unknown }[]).entries()) {
          if (item.type !== "listItem" || !Array.isArray(item.content)) return `${where}.${i}: a list holds listItems`;
          for (const [j, c] of (item.content as { type?: unknown }[]).entries()) {
            const p = block(c, `${where}.${i}.${j}`);
            if (p) return p;
          }
        }
        return null;
      }
      default:
        return `${where}: ${String(n.type)} is not a block node`;
    }
  };
  for (const [i, n] of (d.content as { type?: unknown }[]).entries()) {
    const p = block(n, `content.${i}`);
    if (p) return p;
  }
  return null;
}

export class JiraFake extends FakeApi {
  readonly issues = new Map<string, TJiraIssue>();
  private seq = 10000;
  private readonly perProject = new Map<string, number>();

  constructor(
    tls: { key: string; cert: string },
    private readonly account: { email: string; token: string; projects: string[]; issueTypes?: string[] },
  ) {
    super(tls);
  }

  /** Someone closes the issue in Jira's UI. */
  closeByPerson(key: string): void {
    const i = this.issues.get(key);
    if (!i) throw new Error(`no issue ${key}`);
    i.status = STATUSES.Done!;
  }

  private issueJson(i: TJiraIssue) {
    return {
      id: i.id,
      key: i.key,
      self: `${this.url}/rest/api/3/issue/${i.id}`,
      fields: { status: { name: i.status.name, statusCategory: { key: i.status.category, name: i.status.category === "done" ? "Done" : i.status.category === "new" ? "To Do" : "In Progress" } } },
    };
  }

  protected handle(req: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: unknown }): TFakeReply {
    const expected = `Basic ${Buffer.from(`${this.account.email}:${this.account.token}`).toString("base64")}`;
    if (req.headers.authorization !== expected) return { status: 401, body: { errorMessages: ["Client must be authenticated to access this resource."], errors: {} } };
    const notFound: TFakeReply = { status: 404, body: { errorMessages: ["Issue does not exist or you do not have permission to see it."], errors: {} } };

    if (req.method === "POST" && req.path === "/rest/api/3/issue") return this.create(req.body);
    const m = /^\/rest\/api\/3\/issue\/([^/]+)(\/transitions|\/comment)?$/.exec(req.path);
    if (!m) return { status: 404, body: { errorMessages: ["null for uri"], errors: {} } };
    const issue = this.issues.get(decodeURIComponent(m[1]!)) ?? [...this.issues.values()].find((i) => i.id === m[1]);
    if (!issue) return notFound;
    if (!m[2] && req.method === "GET") return { status: 200, body: this.issueJson(issue) };
    if (m[2] === "/transitions" && req.method === "GET") {
      return {
        status: 200,
        body: { expand: "transitions", transitions: TRANSITIONS.filter((t) => t.to !== issue.status.name).map((t) => ({ id: t.id, name: t.name, to: { name: t.to, statusCategory: { key: STATUSES[t.to]!.category } } })) },
      };
    }
    if (m[2] === "/transitions" && req.method === "POST") {
      const id = (req.body as { transition?: { id?: unknown } } | null)?.transition?.id;
      const t = TRANSITIONS.find((x) => x.id === id && x.to !== issue.status.name);
      if (!t) return { status: 400, body: { errorMessages: [`Transition id '${String(id)}' is not valid for this issue.`], errors: {} } };
      issue.status = STATUSES[t.to]!;
      return { status: 204 };
    }
    if (m[2] === "/comment" && req.method === "POST") {
      const body = (req.body as { body?: unknown } | null)?.body;
      const problem = adfProblem(body);
      if (problem) return { status: 400, body: { errorMessages: [], errors: { comment: `Comment body is not valid! (${problem})` } } };
      const id = String(++this.seq);
      issue.comments.push({ id, body });
      return { status: 201, body: { id, self: `${this.url}/rest/api/3/issue/${issue.id}/comment/${id}`, body, created: new Date().toISOString() } };
    }
    return { status: 405, body: { errorMessages: ["Method not allowed"], errors: {} } };
  }

  private create(body: unknown): TFakeReply {
    const f = (body as { fields?: Record<string, unknown> } | null)?.fields;
    if (!f || typeof f !== "object") return { status: 400, body: { errorMessages: ["Issue must have fields"], errors: {} } };
    const errors: Record<string, string> = {};
    const project = (f.project as { key?: unknown } | undefined)?.key;
    if (typeof project !== "string" || !this.account.projects.includes(project)) errors.project = "valid project is required";
    if (typeof f.summary !== "string" || !f.summary.trim()) errors.summary = "You must specify a summary of the issue.";
    else if (f.summary.length > 255) errors.summary = "Summary must be less than 255 characters.";
    if (/[\r\n]/.test(String(f.summary ?? ""))) errors.summary = "The summary is invalid because it contains newline characters.";
    const type = (f.issuetype as { name?: unknown } | undefined)?.name;
    if (typeof type !== "string" || !(this.account.issueTypes ?? ["Task", "Bug"]).includes(type)) errors.issuetype = "Specify a valid issue type";
    if (f.description !== undefined) {
      const problem = adfProblem(f.description);
      if (problem) errors.description = `Operation value must be an Atlassian Document (see the Atlassian Document Format): ${problem}`;
    }
    const labels = f.labels ?? [];
    if (!Array.isArray(labels) || labels.some((l) => typeof l !== "string" || /\s/.test(l))) errors.labels = "Labels must be strings without spaces";
    if (Object.keys(errors).length) return { status: 400, body: { errorMessages: [], errors } };
    const id = String(++this.seq);
    const n = (this.perProject.get(project as string) ?? 0) + 1;
    this.perProject.set(project as string, n);
    const key = `${project as string}-${n}`;
    this.issues.set(key, { id, key, fields: { project: project as string, summary: f.summary as string, issuetype: type as string, description: f.description, labels: labels as string[] }, status: STATUSES["To Do"]!, comments: [] });
    return { status: 201, body: { id, key, self: `${this.url}/rest/api/3/issue/${id}` } };
  }
}
