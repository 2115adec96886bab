// The layout of a subject's graph (subject -> bindings -> roles -> rules) as plain data: four
// columns of boxes and the edges between them, ordered so edges cross little (roles in the order
// their bindings come, rules under their role). Rendered as server-side SVG by SubjectGraph.
import { describeRule, type Capability, type GrantVia, type SubjectRef } from "@bulwark/rules";

export interface TGraphNode {
  id: string;
  column: 0 | 1 | 2 | 3;
  /** Small first line (the kind, the scope). */
  kicker: string;
  label: string;
  /** The whole text, for the tooltip (labels are cut to fit). */
  full: string;
  builtIn: boolean;
  /** A rule that gives a risky capability, or a node on its path. */
  risky: boolean;
  x: number;
  y: number;
}
export interface TGraphEdge { from: string; to: string; dashed: boolean; risky: boolean }
export interface TSubjectGraph { nodes: TGraphNode[]; edges: TGraphEdge[]; width: number; height: number; hiddenRules: number }

/** Column widths (subject, bindings, roles, rules: rules read longest) and how many characters fit a line of each. */
export const GRAPH = { columns: [168, 196, 172, 252], chars: [19, 23, 21, 35], nodeHeight: 42, rowGap: 10, columnGap: 40, pad: 8, maxRules: 40 } as const;

const cut = (s: string, column: 0 | 1 | 2 | 3) => (s.length > GRAPH.chars[column] ? `${s.slice(0, GRAPH.chars[column] - 1)}…` : s);
/** Left edge of a column. */
export const columnX = (c: number) => GRAPH.pad + GRAPH.columns.slice(0, c).reduce((a, w) => a + w + GRAPH.columnGap, 0);
const bindingKey = (v: GrantVia) => `b:${v.bindingKind}/${v.bindingNamespace ?? ""}/${v.binding}/${v.viaGroup ?? ""}`;
const roleKey = (v: GrantVia) => `r:${v.roleKind}/${v.roleKind === "Role" ? (v.bindingNamespace ?? "") : ""}/${v.role}`;
const ruleKey = (v: GrantVia) => `${roleKey(v)}#${v.ruleIndex}/${v.ruleSource ?? ""}`;
const viaKey = (v: Pick<GrantVia, "bindingKind" | "bindingNamespace" | "binding" | "roleKind" | "role" | "ruleIndex">) => `${v.bindingKind}/${v.bindingNamespace ?? ""}/${v.binding}/${v.roleKind}/${v.role}/${v.ruleIndex}`;

export function ruleText(v: GrantVia): string {
  const names = v.rule.resourceNames.length ? ` (only ${v.rule.resourceNames.join(", ")})` : "";
  return `${describeRule(v.rule)}${names}`;
}

export function subjectGraph(subject: SubjectRef, vias: readonly GrantVia[], capabilities: readonly Capability[] = []): TSubjectGraph {
  const risky = new Set(capabilities.map((c) => viaKey(c.via)));
  const columns: TGraphNode[][] = [[], [], [], []];
  const byId = new Map<string, TGraphNode>();
  const edges = new Map<string, TGraphEdge>();
  const add = (n: Omit<TGraphNode, "x" | "y">): TGraphNode => {
    let node = byId.get(n.id);
    if (!node) {
      node = { ...n, x: 0, y: 0 };
      byId.set(n.id, node);
      columns[n.column]!.push(node);
    } else {
      node.builtIn &&= n.builtIn;
      node.risky ||= n.risky;
    }
    return node;
  };
  const edge = (e: TGraphEdge) => {
    const k = `${e.from}>${e.to}`;
    const prev = edges.get(k);
    if (prev) prev.risky ||= e.risky;
    else edges.set(k, e);
  };
  const name = subject.kind === "ServiceAccount" && subject.namespace ? `${subject.namespace}/${subject.name}` : subject.name;
  add({ id: "subject", column: 0, kicker: subject.kind, label: cut(name, 0), full: `${subject.kind} ${name}`, builtIn: false, risky: risky.size > 0 });

  // Bindings in the order of the vias (the data layer sorts them), rules under their role.
  const sorted = [...vias].sort((a, b) => bindingKey(a).localeCompare(bindingKey(b)) || a.ruleIndex - b.ruleIndex);
  let hiddenRules = 0;
  const shownRules = new Set<string>();
  for (const v of sorted) {
    const isRisky = risky.has(viaKey(v));
    const bName = v.bindingNamespace ? `${v.bindingNamespace}/${v.binding}` : v.binding;
    const b = add({
      id: bindingKey(v), column: 1, kicker: v.viaGroup ? `via ${v.viaGroup}` : `${v.bindingKind} · ${v.scope ? `in ${v.scope}` : "cluster-wide"}`, label: cut(bName, 1),
      full: `${v.bindingKind} ${bName}${v.viaGroup ? ` (held through group ${v.viaGroup})` : ""}, ${v.scope ? `grants in namespace ${v.scope}` : "grants cluster-wide"}`, builtIn: v.builtIn, risky: isRisky,
    });
    const r = add({ id: roleKey(v), column: 2, kicker: v.roleKind, label: cut(v.role, 2), full: `${v.roleKind} ${v.role}`, builtIn: v.builtIn, risky: isRisky });
    edge({ from: "subject", to: b.id, dashed: Boolean(v.viaGroup), risky: isRisky });
    edge({ from: b.id, to: r.id, dashed: false, risky: isRisky });
    const rk = ruleKey(v);
    if (!shownRules.has(rk) && shownRules.size >= GRAPH.maxRules) {
      hiddenRules += 1;
      continue;
    }
    shownRules.add(rk);
    const text = ruleText(v);
    const rule = add({ id: rk, column: 3, kicker: `rule ${v.ruleIndex + 1}${v.ruleSource ? ` · from ${v.ruleSource}` : ""}`, label: cut(text, 3), full: text, builtIn: v.builtIn, risky: isRisky });
    edge({ from: r.id, to: rule.id, dashed: false, risky: isRisky });
  }
  // Rules grouped under their role, in the roles' order.
  const roleOrder = new Map(columns[2]!.map((n, i) => [n.id, i]));
  columns[3]!.sort((a, b) => (roleOrder.get(a.id.split("#")[0]!)! - roleOrder.get(b.id.split("#")[0]!)!) || 0);

  const { nodeHeight, rowGap, pad } = GRAPH;
  const rows = Math.max(...columns.map((c) => c.length));
  const height = pad * 2 + rows * nodeHeight + (rows - 1) * rowGap;
  columns.forEach((col, ci) => {
    const colHeight = col.length * nodeHeight + (col.length - 1) * rowGap;
    const top = pad + (height - pad * 2 - colHeight) / 2;
    col.forEach((n, i) => {
      n.x = columnX(ci);
      n.y = top + i * (nodeHeight + rowGap);
    });
  });
  return { nodes: columns.flat(), edges: [...edges.values()], width: columnX(4) - GRAPH.columnGap + pad, height, hiddenRules };
}
