// Checks an integration's settings before they are stored: the URL through the SSRF guard, the
// project in the form its system uses, a token that can go into a header. Messages are shown as is.
import { assertPublicHttpsUrl, type TResolveHost } from "@bulwark/security";
import { DomainError } from "../errors";
import type { TTicketKind } from "./types";

export const GITHUB_API = "https://api.github.com";
const JIRA_KEY = /^[A-Z][A-Z0-9_]{1,9}$/;
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;

export interface TIntegrationSettings {
  name: string;
  kind: TTicketKind;
  baseUrl: string;
  project: string;
  issueType: string | null;
  username: string | null;
  doneTransition: string | null;
}

export interface TValidateOptions {
  allowPrivateNetworks: boolean;
  resolve?: TResolveHost;
}

function optionalText(value: string | null | undefined, what: string, max: number): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (v.length > max) throw new DomainError(`${what} is longer than ${max} characters`);
  if (/[\u0000-\u001f]/.test(v)) throw new DomainError(`${what} must not contain control characters`);
  return v;
}

/** The base URL, normalized (no trailing slash); https, or http only where private networks are allowed. */
export async function checkBaseUrl(raw: string, kind: TTicketKind, opts: TValidateOptions): Promise<string> {
  const input = raw.trim() || (kind === "github" ? GITHUB_API : "");
  if (!input) throw new DomainError("baseUrl is required: the Jira site, e.g. https://acme.atlassian.net");
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new DomainError(`baseUrl is not a valid URL: ${input.slice(0, 100)}`);
  }
  if (url.search || url.hash) throw new DomainError("baseUrl must not have a query or fragment");
  if (url.protocol === "http:" && opts.allowPrivateNetworks) {
    if (url.username || url.password) throw new DomainError("baseUrl must not contain a user name or password");
  } else {
    if (url.protocol !== "https:") throw new DomainError(`baseUrl must use https (got ${url.protocol.replace(/:$/, "")})`);
    try {
      await assertPublicHttpsUrl(url.toString(), { allowPrivateNetworks: opts.allowPrivateNetworks, ...(opts.resolve ? { resolve: opts.resolve } : {}) });
    } catch (e) {
      throw new DomainError(`baseUrl refused: ${(e as Error).message}`);
    }
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export function checkProject(raw: string, kind: TTicketKind): string {
  const v = raw.trim();
  if (kind === "github") {
    const [owner, repo, ...rest] = v.split("/");
    if (!owner || !repo || rest.length || !GITHUB_OWNER.test(owner) || !GITHUB_REPO.test(repo) || repo === "." || repo === "..") {
      throw new DomainError(`project must be a GitHub repository as owner/repo (e.g. acme/platform), got "${v.slice(0, 100)}"`);
    }
    return `${owner}/${repo}`;
  }
  const key = v.toUpperCase();
  if (!JIRA_KEY.test(key)) throw new DomainError(`project must be a Jira project key: 2-10 letters, digits or _, starting with a letter (e.g. SEC), got "${v.slice(0, 100)}"`);
  return key;
}

/** A token usable in an Authorization header. */
export function checkToken(raw: string): string {
  const v = raw.trim();
  if (!v) throw new DomainError("token is required");
  if (v.length > 4096) throw new DomainError("token is longer than 4096 characters");
  if (/[\s\u0000-\u001f\u007f]/.test(v) || /[^\x21-\x7e]/.test(v)) throw new DomainError("token must be printable ASCII without spaces");
  return v;
}

export async function validateIntegration(input: TIntegrationSettings, opts: TValidateOptions): Promise<TIntegrationSettings> {
  if (input.kind !== "jira" && input.kind !== "github") throw new DomainError('kind must be "jira" or "github"');
  const name = input.name.trim();
  if (!name) throw new DomainError("name is required");
  if (name.length > 80) throw new DomainError("name is longer than 80 characters");
  const baseUrl = await checkBaseUrl(input.baseUrl, input.kind, opts);
  const project = checkProject(input.project, input.kind);
  if (input.kind === "github") {
    return { name, kind: "github", baseUrl, project, issueType: null, username: null, doneTransition: null };
  }
  const username = optionalText(input.username, "username", 254);
  if (!username || !/^[^@\s]+@[^@\s]+$/.test(username)) throw new DomainError("username must be the Atlassian account email the API token belongs to");
  return {
    name,
    kind: "jira",
    baseUrl,
    project,
    issueType: optionalText(input.issueType, "issueType", 60),
    username,
    doneTransition: optionalText(input.doneTransition, "doneTransition", 60),
  };
}
