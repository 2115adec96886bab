// A ticket's body, written once as blocks and rendered as GitHub Markdown or as Jira's Atlassian
// Document Format (ADF: a doc of paragraphs, headings, bullet lists and code blocks). Everything
// read from a cluster is text here, never markup: Markdown is escaped, ADF is text nodes.
import type { TTicketEvidence, TTicketEvidenceFinding, TTicketForDelivery } from "@bulwark/db";

export type TInline = { text: string; link?: string; code?: boolean; strong?: boolean };
export type TBlock =
  | { type: "heading"; text: string }
  | { type: "paragraph"; parts: TInline[] }
  | { type: "list"; items: TInline[][] }
  | { type: "code"; language: string; text: string };

/** GitHub accepts at most 65,536 characters in an issue body; Jira's description about 32,767. */
const MAX_CODE = 6000;
const MAX_FIXES = 5;
const MAX_TEXT = 500;

const clip = (s: string, max = MAX_TEXT) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const objectName = (f: { kind: string; namespace: string | null; name: string }) => `${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name}`;

function appLink(appUrl: string | undefined, path: string): string | undefined {
  if (!appUrl) return undefined;
  return `${appUrl.replace(/\/+$/, "")}${path}`;
}

function findingFacts(f: TTicketEvidenceFinding): TInline[][] {
  const rows: TInline[][] = [
    [{ text: "Cluster: ", strong: true }, { text: f.clusterName }],
    [{ text: "Object: ", strong: true }, { text: `${objectName(f)} (${f.apiVersion})` }],
    [{ text: "Rule: ", strong: true }, { text: f.ruleTitle }, { text: " " }, { text: f.ruleId, code: true }],
    [{ text: "Severity: ", strong: true }, { text: f.severity }],
    [{ text: "Message: ", strong: true }, { text: clip(f.message) }],
    [{ text: "Path: ", strong: true }, { text: f.path, code: true }],
  ];
  if (f.observed) rows.push([{ text: "Observed: ", strong: true }, { text: clip(f.observed, 200), code: true }]);
  rows.push([{ text: "First seen: ", strong: true }, { text: f.firstSeenAt.toISOString() }]);
  return rows;
}

function fixBlocks(f: TTicketEvidenceFinding, label?: string): TBlock[] {
  const out: TBlock[] = [{ type: "paragraph", parts: [...(label ? [{ text: `${label}: `, strong: true }] : []), { text: clip(f.remediation, 1000) }] }];
  if (f.fix?.content) {
    if (f.fix.description) out.push({ type: "paragraph", parts: [{ text: clip(f.fix.description) }] });
    out.push({ type: "code", language: f.fix.type === "merge-patch" ? "json" : "yaml", text: clip(f.fix.content, MAX_CODE) });
  }
  return out;
}

/** The body of a new ticket: what was found, where, the evidence and the fix, and a link back. */
export function ticketBlocks(ticket: Pick<TTicketForDelivery, "id" | "source" | "riskId" | "ruleId" | "findingIds">, ev: TTicketEvidence, appUrl?: string): TBlock[] {
  const blocks: TBlock[] = [];
  const first = ev.findings[0];
  if (ticket.source === "finding" && first) {
    blocks.push({ type: "paragraph", parts: [{ text: `Bulwark found "${first.ruleTitle}" on ${objectName(first)} in cluster ${first.clusterName}.` }] });
    const link = appLink(appUrl, `/findings/${first.id}`);
    if (link) blocks.push({ type: "paragraph", parts: [{ text: "Open the finding in Bulwark", link }] });
    blocks.push({ type: "heading", text: "Evidence" }, { type: "list", items: findingFacts(first) });
    blocks.push({ type: "heading", text: "Fix" }, ...fixBlocks(first));
  } else if (ticket.source === "risk" && ev.risk) {
    const r = ev.risk;
    blocks.push({ type: "paragraph", parts: [{ text: `Bulwark found an attack path: ${r.title}, on ${objectName(r)}${ev.clusterName ? ` in cluster ${ev.clusterName}` : ""} (severity ${r.severity}, score ${r.score}).` }] });
    const link = appLink(appUrl, `/risks/${r.id}`);
    if (link) blocks.push({ type: "paragraph", parts: [{ text: "Open the risk in Bulwark", link }] });
    if (r.steps.length) blocks.push({ type: "heading", text: "Steps" }, { type: "list", items: r.steps.map((s) => [{ text: `${s.kind}: `, strong: true }, { text: clip(s.text) }]) });
    blocks.push(...findingList(ev, appUrl));
    blocks.push({ type: "heading", text: "Fix" }, { type: "paragraph", parts: [{ text: clip(r.remediation, 1000) }] });
    for (const f of ev.findings.filter((x) => x.fix?.content).slice(0, MAX_FIXES)) blocks.push(...fixBlocks(f, `${f.ruleTitle} on ${objectName(f)}`));
  } else {
    const title = ev.ruleTitle ?? ticket.ruleId ?? "a rule";
    blocks.push({ type: "paragraph", parts: [{ text: `Bulwark found ${ev.total} open finding${ev.total === 1 ? "" : "s"} of "${title}" (${ticket.ruleId ?? ""}) in ${ev.clusterName ?? "all clusters"}.` }] });
    const link = appLink(appUrl, `/findings?rule=${encodeURIComponent(ticket.ruleId ?? "")}`);
    if (link) blocks.push({ type: "paragraph", parts: [{ text: "Open the findings in Bulwark", link }] });
    blocks.push(...findingList(ev, appUrl));
    if (first) blocks.push({ type: "heading", text: "Fix" }, ...fixBlocks(first, `For example, ${objectName(first)}`));
  }
  blocks.push({ type: "paragraph", parts: [{ text: `Opened by Bulwark (ticket ${ticket.id}). Bulwark comments and closes this issue when a scan no longer finds the problem.` }] });
  return blocks;
}

function findingList(ev: TTicketEvidence, appUrl?: string): TBlock[] {
  if (!ev.findings.length) return [];
  const items = ev.findings.map((f): TInline[] => {
    const link = appLink(appUrl, `/findings/${f.id}`);
    return [
      { text: `[${f.severity}] ` },
      link ? { text: objectName(f), link } : { text: objectName(f) },
      { text: ` (${f.clusterName}) ` },
      { text: f.path, code: true },
      { text: `: ${clip(f.message, 200)}${f.status === "resolved" ? " (resolved)" : ""}` },
    ];
  });
  const more = ev.total - ev.findings.length;
  return [{ type: "heading", text: `Findings (${ev.total})` }, { type: "list", items }, ...(more > 0 ? [{ type: "paragraph" as const, parts: [{ text: `… and ${more} more in Bulwark.` }] }] : [])];
}

// ---- Markdown (GitHub) ----

// Enough to keep cluster text from becoming links, emphasis, HTML or table cells; hyphens and dots stay readable.
const mdEscape = (s: string) => s.replace(/([\\`*_[\]!|<>~])/g, "\\$1").replace(/^([#+-])/, "\\$1").replace(/\r?\n/g, " ");
function mdCode(s: string): string {
  const ticks = "`".repeat(Math.max(1, ...[...s.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${ticks.length > 1 ? " " : ""}${s.replace(/\r?\n/g, " ")}${ticks.length > 1 ? " " : ""}${ticks}`;
}
function mdInline(parts: TInline[]): string {
  return parts
    .map((p) => {
      if (p.code) return mdCode(p.text);
      const t = mdEscape(p.text);
      if (p.link) return `[${t}](${p.link.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`)})`;
      return p.strong ? `**${t.trim()}** ` : t;
    })
    .join("");
}

export function toMarkdown(blocks: TBlock[]): string {
  const out = blocks.map((b) => {
    switch (b.type) {
      case "heading":
        return `### ${mdEscape(b.text)}`;
      case "paragraph":
        return mdInline(b.parts);
      case "list":
        return b.items.map((i) => `- ${mdInline(i)}`).join("\n");
      case "code": {
        const fence = "`".repeat(Math.max(3, ...[...b.text.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
        return `${fence}${b.language}\n${b.text}\n${fence}`;
      }
    }
  });
  return out.join("\n\n").slice(0, 60_000);
}

// ---- ADF (Jira) ----

type AdfNode = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: AdfNode[] };
export type AdfDoc = { type: "doc"; version: 1; content: AdfNode[] };

function adfText(parts: TInline[]): AdfNode[] {
  // ADF forbids empty text nodes.
  return parts
    .filter((p) => p.text.length > 0)
    .map((p) => {
      const marks = [...(p.strong ? [{ type: "strong" }] : []), ...(p.code ? [{ type: "code" }] : []), ...(p.link ? [{ type: "link", attrs: { href: p.link } }] : [])];
      return { type: "text", text: p.text, ...(marks.length ? { marks } : {}) };
    });
}

export function toAdf(blocks: TBlock[]): AdfDoc {
  const content: AdfNode[] = [];
  for (const b of blocks) {
    if (b.type === "heading") content.push({ type: "heading", attrs: { level: 3 }, content: adfText([{ text: b.text }]) });
    else if (b.type === "paragraph") content.push({ type: "paragraph", content: adfText(b.parts) });
    else if (b.type === "list") content.push({ type: "bulletList", content: b.items.map((i) => ({ type: "listItem", content: [{ type: "paragraph", content: adfText(i) }] })) });
    else if (b.text) content.push({ type: "codeBlock", attrs: { language: b.language }, content: [{ type: "text", text: b.text }] });
  }
  return { type: "doc", version: 1, content };
}

/** A plain comment as ADF (one paragraph per line). */
export function adfParagraphs(text: string): AdfDoc {
  return toAdf(text.split(/\n+/).filter(Boolean).map((line) => ({ type: "paragraph", parts: [{ text: line }] })));
}
