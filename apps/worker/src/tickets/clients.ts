// The two ticket systems behind one small interface: create an issue, comment, close, reopen, read
// its status. Jira Cloud REST v3 (basic auth: account email + API token; bodies in ADF) and GitHub
// Issues REST (bearer token, API version 2022-11-28; bodies in Markdown).
import type { TTicketKind } from "@bulwark/db";
import { adfParagraphs, toAdf, toMarkdown, type TBlock } from "./format";
import { requestJson, TicketHttpError, type TTicketHttpOptions } from "./http";

export interface TRemoteIssue {
  key: string;
  id: string;
  url: string;
  status: string;
}

export interface TRemoteStatus {
  closed: boolean;
  /** the remote's own name ("Done", "closed (completed)") */
  status: string;
}

export interface TTicketClient {
  create(input: { title: string; blocks: TBlock[] }): Promise<TRemoteIssue>;
  comment(key: string, text: string): Promise<void>;
  /** Closes the issue unless already closed; returns the status after. */
  close(key: string): Promise<string>;
  /** Reopens the issue where the system allows it cheaply (GitHub); null when not done. */
  reopen(key: string): Promise<string | null>;
  status(key: string): Promise<TRemoteStatus>;
}

export interface TIntegrationSecrets {
  kind: TTicketKind;
  baseUrl: string;
  project: string;
  issueType: string | null;
  username: string | null;
  doneTransition: string | null;
  token: string;
}

export function ticketClient(integ: TIntegrationSecrets, opts: TTicketHttpOptions): TTicketClient {
  return integ.kind === "jira" ? jiraClient(integ, opts) : githubClient(integ, opts);
}

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

function jiraClient(integ: TIntegrationSecrets, opts: TTicketHttpOptions): TTicketClient {
  const base = integ.baseUrl.replace(/\/+$/, "");
  const auth = { authorization: `Basic ${Buffer.from(`${integ.username ?? ""}:${integ.token}`).toString("base64")}`, accept: "application/json" };
  const call = (method: "GET" | "POST", path: string, body?: unknown) => requestJson("Jira", method, `${base}${path}`, auth, body, opts);
  const issuePath = (key: string) => `/rest/api/3/issue/${encodeURIComponent(key)}`;

  const status = async (key: string): Promise<TRemoteStatus> => {
    const res = await call("GET", `${issuePath(key)}?fields=status`);
    const st = (res.body as { fields?: { status?: { name?: unknown; statusCategory?: { key?: unknown } } } } | null)?.fields?.status;
    return { closed: st?.statusCategory?.key === "done", status: str(st?.name) || "unknown" };
  };

  return {
    async create({ title, blocks }) {
      const res = await call("POST", "/rest/api/3/issue", {
        fields: { project: { key: integ.project }, summary: title, issuetype: { name: integ.issueType ?? "Task" }, description: toAdf(blocks), labels: ["bulwark"] },
      });
      const b = res.body as { id?: unknown; key?: unknown } | null;
      const key = str(b?.key);
      if (!key) throw new TicketHttpError("Jira answered without an issue key", res.status, false);
      return { key, id: str(b?.id), url: `${base}/browse/${encodeURIComponent(key)}`, status: "open" };
    },
    async comment(key, text) {
      await call("POST", `${issuePath(key)}/comment`, { body: adfParagraphs(text) });
    },
    async close(key) {
      const now = await status(key);
      if (now.closed) return now.status;
      const res = await call("GET", `${issuePath(key)}/transitions`);
      const list = ((res.body as { transitions?: unknown } | null)?.transitions ?? []) as { id?: unknown; name?: unknown; to?: { name?: unknown; statusCategory?: { key?: unknown } } }[];
      const wanted = (integ.doneTransition ?? "Done").toLowerCase();
      const pick = list.find((t) => str(t.name).toLowerCase() === wanted) ?? (integ.doneTransition ? undefined : list.find((t) => t.to?.statusCategory?.key === "done"));
      if (!pick) {
        const names = list.map((t) => `"${str(t.name)}"`).join(", ") || "none";
        throw new TicketHttpError(`Jira issue ${key} has no transition named "${integ.doneTransition ?? "Done"}" (available: ${names}); set the integration's done transition`, 400, true);
      }
      await call("POST", `${issuePath(key)}/transitions`, { transition: { id: str(pick.id) } });
      return str(pick.to?.name) || str(pick.name);
    },
    async reopen() {
      // Reopening depends on each project's workflow: a comment says it instead.
      return null;
    },
    status,
  };
}

function githubClient(integ: TIntegrationSecrets, opts: TTicketHttpOptions): TTicketClient {
  const base = integ.baseUrl.replace(/\/+$/, "");
  const [owner, repo] = integ.project.split("/");
  const repoPath = `/repos/${encodeURIComponent(owner ?? "")}/${encodeURIComponent(repo ?? "")}`;
  const headers = { authorization: `Bearer ${integ.token}`, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" };
  const call = (method: "GET" | "POST" | "PATCH", path: string, body?: unknown) => requestJson("GitHub", method, `${base}${repoPath}${path}`, headers, body, opts);
  const number = (key: string) => {
    if (!/^\d+$/.test(key)) throw new TicketHttpError(`not a GitHub issue number: ${key}`, 0, true);
    return key;
  };
  const describe = (b: { state?: unknown; state_reason?: unknown } | null) => `${str(b?.state) || "unknown"}${b?.state_reason ? ` (${str(b.state_reason)})` : ""}`;
  const status = async (key: string): Promise<TRemoteStatus> => {
    const res = await call("GET", `/issues/${number(key)}`);
    const b = res.body as { state?: unknown; state_reason?: unknown } | null;
    return { closed: b?.state === "closed", status: describe(b) };
  };
  return {
    async create({ title, blocks }) {
      const res = await call("POST", "/issues", { title, body: toMarkdown(blocks), labels: ["bulwark"] });
      const b = res.body as { id?: unknown; number?: unknown; html_url?: unknown; state?: unknown } | null;
      const n = str(b?.number);
      if (!n) throw new TicketHttpError("GitHub answered without an issue number", res.status, false);
      return { key: n, id: str(b?.id), url: str(b?.html_url), status: str(b?.state) || "open" };
    },
    async comment(key, text) {
      await call("POST", `/issues/${number(key)}/comments`, { body: text });
    },
    async close(key) {
      const now = await status(key);
      if (now.closed) return now.status;
      const res = await call("PATCH", `/issues/${number(key)}`, { state: "closed", state_reason: "completed" });
      return describe(res.body as { state?: unknown; state_reason?: unknown } | null);
    },
    async reopen(key) {
      const res = await call("PATCH", `/issues/${number(key)}`, { state: "open" });
      return describe(res.body as { state?: unknown; state_reason?: unknown } | null);
    },
    status,
  };
}
