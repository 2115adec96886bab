// A local stand-in for GitHub's REST issues API, as documented: Bearer token,
// Accept: application/vnd.github+json, X-GitHub-Api-Version: 2022-11-28;
// POST /repos/{owner}/{repo}/issues {title, body, labels} -> 201 issue {id, number, html_url, state};
// GET and PATCH /repos/{owner}/{repo}/issues/{n} ({state, state_reason}); POST
// .../issues/{n}/comments {body} -> 201. Bad input answers 422 "Validation Failed" with errors,
// bad credentials 401, an unknown repository or issue 404. Tests only.
import { FakeApi, type TFakeReply } from "./fake-server";

export interface TGithubIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  labels: string[];
  state: "open" | "closed";
  state_reason: "completed" | "not_planned" | "reopened" | null;
  comments: { id: number; body: string }[];
}

const DOCS = "https://docs.github.com/rest/issues/issues";

export class GithubFake extends FakeApi {
  /** "owner/repo" -> issues by number */
  readonly repos = new Map<string, Map<number, TGithubIssue>>();
  private seq = 1_000_000;

  constructor(
    tls: { key: string; cert: string },
    private readonly account: { token: string; repos: string[] },
  ) {
    super(tls);
    for (const r of account.repos) this.repos.set(r.toLowerCase(), new Map());
  }

  issue(repo: string, n: number): TGithubIssue | undefined {
    return this.repos.get(repo.toLowerCase())?.get(n);
  }

  /** Someone closes the issue on github.com. */
  closeByPerson(repo: string, n: number, reason: "completed" | "not_planned" = "completed"): void {
    const i = this.issue(repo, n);
    if (!i) throw new Error(`no issue ${repo}#${n}`);
    i.state = "closed";
    i.state_reason = reason;
  }

  private json(repo: string, i: TGithubIssue) {
    return {
      id: i.id,
      node_id: `I_${i.id}`,
      url: `${this.url}/repos/${repo}/issues/${i.number}`,
      html_url: `https://github.com/${repo}/issues/${i.number}`,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      labels: i.labels.map((name) => ({ name })),
      comments: i.comments.length,
    };
  }

  protected handle(req: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: unknown }): TFakeReply {
    if (req.headers.authorization !== `Bearer ${this.account.token}`) return { status: 401, body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" } };
    const version = req.headers["x-github-api-version"];
    if (version !== undefined && version !== "2022-11-28") return { status: 400, body: { message: `Invalid API version: ${String(version)}`, documentation_url: "https://docs.github.com/rest/overview/api-versions" } };
    const notFound: TFakeReply = { status: 404, body: { message: "Not Found", documentation_url: DOCS, status: "404" } };
    const m = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+))?(\/comments)?$/.exec(req.path);
    if (!m) return notFound;
    const repo = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
    const issues = this.repos.get(repo.toLowerCase());
    if (!issues) return notFound;
    const b = (req.body ?? {}) as Record<string, unknown>;
    const invalid = (field: string, code = "missing_field"): TFakeReply => ({ status: 422, body: { message: "Validation Failed", errors: [{ resource: "Issue", code, field }], documentation_url: DOCS, status: "422" } });

    if (!m[3]) {
      if (req.method !== "POST") return notFound;
      if (typeof b.title !== "string" || !b.title.trim()) return invalid("title");
      if (b.body !== undefined && b.body !== null && typeof b.body !== "string") return invalid("body", "invalid");
      if (typeof b.body === "string" && b.body.length > 65536) return { status: 422, body: { message: "Validation Failed", errors: [{ resource: "Issue", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" }], documentation_url: DOCS, status: "422" } };
      if (b.labels !== undefined && (!Array.isArray(b.labels) || b.labels.some((l) => typeof l !== "string"))) return invalid("labels", "invalid");
      const number = issues.size + 1;
      const issue: TGithubIssue = { id: ++this.seq, number, title: b.title, body: (b.body as string | undefined) ?? null, labels: (b.labels as string[] | undefined) ?? [], state: "open", state_reason: null, comments: [] };
      issues.set(number, issue);
      return { status: 201, body: this.json(repo, issue), headers: { location: `${this.url}/repos/${repo}/issues/${number}` } };
    }
    const issue = issues.get(Number(m[3]));
    if (!issue) return notFound;
    if (m[4]) {
      if (req.method !== "POST") return notFound;
      if (typeof b.body !== "string" || !b.body) return { status: 422, body: { message: "Validation Failed", errors: [{ resource: "IssueComment", code: "missing_field", field: "body" }], documentation_url: DOCS, status: "422" } };
      const c = { id: ++this.seq, body: b.body };
      issue.comments.push(c);
      return { status: 201, body: { id: c.id, body: c.body, html_url: `https://github.com/${repo}/issues/${issue.number}#issuecomment-${c.id}` } };
    }
    if (req.method === "GET") return { status: 200, body: this.json(repo, issue) };
    if (req.method === "PATCH") {
      if (b.state !== undefined && b.state !== "open" && b.state !== "closed") return invalid("state", "invalid");
      if (b.state_reason !== undefined && b.state_reason !== null && !["completed", "not_planned", "reopened"].includes(String(b.state_reason))) return invalid("state_reason", "invalid");
      if (b.title !== undefined && (typeof b.title !== "string" || !b.title)) return invalid("title", "invalid");
      if (b.state === "closed") {
        issue.state = "closed";
        issue.state_reason = (b.state_reason as TGithubIssue["state_reason"]) ?? "completed";
      } else if (b.state === "open") {
        if (issue.state === "closed") issue.state_reason = "reopened";
        issue.state = "open";
      }
      if (typeof b.title === "string") issue.title = b.title;
      return { status: 200, body: this.json(repo, issue) };
    }
    return notFound;
  }
}
