// A subject's access as a graph drawn on the server (plain SVG, no client library): the subject,
// the bindings naming it (or a group it belongs to), the roles they bind and the rules they grant.
// Paths that give a risky capability are drawn in red; built-in ones in grey.
import type { Capability, GrantVia, SubjectRef } from "@bulwark/rules";
import { GRAPH, columnX, subjectGraph, type TGraphNode } from "../subject-graph";

const COLUMN_TITLES = ["Subject", "Bindings", "Roles", "Rules"] as const;

function nodeStyle(n: TGraphNode): { fill: string; stroke: string; text: string; kicker: string } {
  if (n.column === 0) return { fill: "#eef2ff", stroke: "#6366f1", text: "#1e1b4b", kicker: "#4338ca" };
  if (n.risky) return { fill: "#fef2f2", stroke: "#dc2626", text: "#7f1d1d", kicker: "#b91c1c" };
  if (n.builtIn) return { fill: "#f4f4f5", stroke: "#a1a1aa", text: "#3f3f46", kicker: "#52525b" };
  return { fill: "#ffffff", stroke: "#71717a", text: "#18181b", kicker: "#52525b" };
}

export function SubjectGraph({ subject, vias, capabilities, id }: { subject: SubjectRef; vias: readonly GrantVia[]; capabilities: readonly Capability[]; id: string }) {
  const g = subjectGraph(subject, vias, capabilities);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const { nodeHeight: h } = GRAPH;
  const w = (n: TGraphNode) => GRAPH.columns[n.column];
  const head = 22;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const bindings = g.nodes.filter((n) => n.column === 1).length;
  const roles = g.nodes.filter((n) => n.column === 2).length;
  const rules = g.nodes.filter((n) => n.column === 3).length;
  return (
    <figure className="space-y-1">
      <div className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50/60">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${g.width} ${g.height + head}`}
          width="100%"
          style={{ minWidth: 640, maxWidth: g.width }}
          className="block h-auto"
          data-testid="subject-graph"
          fontFamily="ui-sans-serif, system-ui, sans-serif"
        >
          <title id={titleId}>{`Access graph of ${subject.kind} ${subject.name}`}</title>
          <desc id={descId}>{`${bindings} bindings, ${roles} roles, ${rules} rules; the table below lists the same grants.`}</desc>
          {COLUMN_TITLES.map((t, i) => (
            <text key={t} x={columnX(i)} y={15} fontSize={11} fontWeight={600} fill="#71717a">{t}</text>
          ))}
          <g transform={`translate(0 ${head})`}>
            {g.edges.map((e) => {
              const a = byId.get(e.from)!;
              const b = byId.get(e.to)!;
              const x1 = a.x + w(a);
              const y1 = a.y + h / 2;
              const x2 = b.x;
              const y2 = b.y + h / 2;
              const mx = (x1 + x2) / 2;
              return (
                <g key={`${e.from}>${e.to}`}>
                  <path d={`M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`} fill="none" stroke={e.risky ? "#dc2626" : "#a1a1aa"} strokeWidth={e.risky ? 1.6 : 1.2} strokeDasharray={e.dashed ? "4 3" : undefined} />
                </g>
              );
            })}
            {g.nodes.map((n) => {
              const s = nodeStyle(n);
              return (
                <g key={n.id} transform={`translate(${n.x} ${n.y})`}>
                  <title>{n.full}</title>
                  <rect width={w(n)} height={h} rx={6} fill={s.fill} stroke={s.stroke} strokeWidth={n.risky || n.column === 0 ? 1.5 : 1} strokeDasharray={n.builtIn && n.column > 0 ? "3 2" : undefined} />
                  <text x={8} y={15} fontSize={10} fill={s.kicker}>{n.kicker.length > GRAPH.chars[n.column] + 8 ? `${n.kicker.slice(0, GRAPH.chars[n.column] + 7)}…` : n.kicker}</text>
                  <text x={8} y={32} fontSize={n.column === 3 ? 11 : 12} fontWeight={n.column < 3 ? 600 : 400} fill={s.text} fontFamily={n.column === 3 ? "ui-monospace, monospace" : undefined}>{n.label}</text>
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-500">
        <span><span aria-hidden className="mr-1 inline-block h-0.5 w-4 bg-red-600 align-middle" />gives a risky capability</span>
        <span><span aria-hidden className="mr-1 inline-block w-4 border-t border-dashed border-zinc-500 align-middle" />held through a group, or built in</span>
        {g.hiddenRules > 0 && <span>{g.hiddenRules} more rules are in the table below.</span>}
      </figcaption>
    </figure>
  );
}
