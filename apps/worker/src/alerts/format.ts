// Turns a stored delivery payload into what goes on the wire: the generic webhook's JSON body, or a
// Slack incoming-webhook message ({ text, blocks }; Mattermost and others accept the same).
import type { TAlertFinding, TAlertPayload, TAlertRisk } from "@bulwark/db";
import { getRule } from "@bulwark/rules";

const SEVERITY_LABEL: Record<string, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };
const SEVERITY_EMOJI: Record<string, string> = { critical: ":red_circle:", high: ":large_orange_circle:", medium: ":large_yellow_circle:", low: ":large_blue_circle:", info: ":white_circle:" };

const absolute = (appUrl: string | undefined, path: string) => (appUrl ? `${appUrl.replace(/\/$/, "")}${path}` : undefined);
const objectName = (f: TAlertFinding | TAlertRisk) => `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`;
const ruleTitle = (id: string) => getRule(id)?.title ?? id;

function withUrl(f: TAlertFinding, appUrl: string | undefined) {
  return { ...f, title: ruleTitle(f.ruleId), url: absolute(appUrl, f.link) };
}

/** The generic webhook body: the event with absolute links when the app's URL is known. */
export function webhookBody(deliveryId: string, payload: TAlertPayload, appUrl?: string): Record<string, unknown> {
  const base = { id: deliveryId, version: 1 };
  switch (payload.type) {
    case "finding.new":
    case "finding.reopened":
      return { ...base, ...payload, finding: withUrl(payload.finding, appUrl) };
    case "risk.new":
    case "risk.reopened":
      return { ...base, ...payload, risk: { ...payload.risk, url: absolute(appUrl, payload.risk.link) } };
    case "finding.summary":
    case "digest":
      return { ...base, ...payload, findings: payload.findings.map((f) => withUrl(f, appUrl)) };
    case "test":
      return { ...base, ...payload, message: "Test message from Bulwark: this channel is set up correctly." };
  }
}

const escapeSlack = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const link = (url: string | undefined, text: string) => (url ? `<${url}|${escapeSlack(text)}>` : escapeSlack(text));

function countsLine(counts: Partial<Record<string, number>>): string {
  return ["critical", "high", "medium", "low", "info"].filter((s) => counts[s]).map((s) => `${counts[s]} ${SEVERITY_LABEL[s]!.toLowerCase()}`).join(", ");
}

function findingLine(f: TAlertFinding, appUrl: string | undefined): string {
  return `${SEVERITY_EMOJI[f.severity] ?? ""} *${SEVERITY_LABEL[f.severity] ?? f.severity}* ${link(absolute(appUrl, f.link), ruleTitle(f.ruleId))} on \`${escapeSlack(objectName(f))}\` in ${escapeSlack(f.cluster.name)}`;
}

/** A Slack-compatible message: `text` is the notification fallback, `blocks` the rich layout. */
export function slackMessage(payload: TAlertPayload, appUrl?: string): { text: string; blocks: unknown[] } {
  switch (payload.type) {
    case "finding.new":
    case "finding.reopened": {
      const f = payload.finding;
      const verb = payload.type === "finding.new" ? "New" : "Reopened";
      const text = `${verb} ${SEVERITY_LABEL[f.severity]?.toLowerCase()} finding in ${f.cluster.name}: ${ruleTitle(f.ruleId)} on ${objectName(f)}`;
      return {
        text,
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: `*${verb} finding* · ${escapeSlack(payload.org.name)}\n${findingLine(f, appUrl)}` } },
          { type: "section", text: { type: "mrkdwn", text: `${escapeSlack(f.message)}\n*Fix:* ${escapeSlack(f.remediation)}`.slice(0, 2900) } },
          { type: "context", elements: [{ type: "mrkdwn", text: `Rule \`${escapeSlack(f.ruleId)}\` · field \`${escapeSlack(f.path)}\`` }] },
        ],
      };
    }
    case "risk.new":
    case "risk.reopened": {
      const r = payload.risk;
      const verb = payload.type === "risk.new" ? "New" : "Reopened";
      const text = `${verb} ${SEVERITY_LABEL[r.severity]?.toLowerCase()} risk in ${r.cluster.name}: ${r.title} (${objectName(r)})`;
      const steps = r.steps.map((s, i) => `${i + 1}. ${escapeSlack(s)}`).join("\n");
      return {
        text,
        blocks: [
          {
            type: "section",
            text: { type: "mrkdwn", text: `*${verb} risk* · ${escapeSlack(payload.org.name)}\n${SEVERITY_EMOJI[r.severity] ?? ""} *${SEVERITY_LABEL[r.severity] ?? r.severity}* ${link(absolute(appUrl, r.link), r.title)} on \`${escapeSlack(objectName(r))}\` in ${escapeSlack(r.cluster.name)}` },
          },
          { type: "section", text: { type: "mrkdwn", text: `${steps}\n*Fix:* ${escapeSlack(r.remediation)}`.slice(0, 2900) } },
          { type: "context", elements: [{ type: "mrkdwn", text: `Attack path \`${escapeSlack(r.type)}\` · score ${r.score.toFixed(1)}` }] },
        ],
      };
    }
    case "finding.summary":
    case "digest": {
      const head =
        payload.type === "digest"
          ? `*Daily digest* · ${escapeSlack(payload.org.name)}: ${payload.total} lower-severity finding${payload.total === 1 ? "" : "s"} since yesterday (${countsLine(payload.counts)})`
          : `*${payload.total} more new findings* in ${escapeSlack(payload.cluster.name)} · ${escapeSlack(payload.org.name)} (${countsLine(payload.counts)})`;
      const lines = payload.findings.slice(0, 15).map((f) => `• ${findingLine(f, appUrl)}`);
      const more = payload.total > lines.length ? `\n…and ${payload.total - lines.length} more${appUrl ? ` in ${link(absolute(appUrl, "/findings"), "Bulwark")}` : ""}` : "";
      return {
        text: head.replace(/\*/g, ""),
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: head } },
          { type: "section", text: { type: "mrkdwn", text: `${lines.join("\n")}${more}`.slice(0, 2900) } },
        ],
      };
    }
    case "test":
      return {
        text: `Test message from Bulwark for "${payload.channel.name}"`,
        blocks: [{ type: "section", text: { type: "mrkdwn", text: `:white_check_mark: *Test message from Bulwark* · ${escapeSlack(payload.org.name)}\nThe channel "${escapeSlack(payload.channel.name)}" is set up correctly.` } }],
      };
  }
}
