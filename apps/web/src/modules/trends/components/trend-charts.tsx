"use client";
// The trends charts (recharts). Each chart is titled, has axes with units, a tooltip and a legend;
// the same numbers are in the tables beside them for screen readers and for copying.
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TTrendRow } from "../trends-series";

// Okabe-Ito: distinguishable with the common colour-vision deficiencies. Lines also differ in dash.
export const CLUSTER_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"];
const DASHES = ["", "6 3", "2 2", "8 3 2 3", "", "6 3", "2 2"];
// Severity colours from DESIGN.md (always labelled in legend and tooltip).
const SEVERITY = [
  { key: "critical", label: "Critical", color: "#b91c1c" },
  { key: "high", label: "High", color: "#ea580c" },
  { key: "medium", label: "Medium", color: "#f59e0b" },
  { key: "low", label: "Low", color: "#0284c7" },
  { key: "info", label: "Info", color: "#64748b" },
] as const;

const axis = { fontSize: 11, fill: "#52525b" };
const shortDay = (d: string) => {
  const [, m, day] = d.split("-");
  return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(m) - 1]} ${Number(day)}`;
};

function Frame({ label, children }: { label: string; children: React.ReactElement }) {
  return (
    <div role="img" aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>
    </div>
  );
}

export function ScoreChart({ rows, clusters, label, bucket }: { rows: TTrendRow[]; clusters: { id: string; name: string }[]; label: string; bucket: number }) {
  const showClusters = clusters.length > 1 && clusters.length <= CLUSTER_COLORS.length;
  const data = rows.map((r) => ({ day: r.day, score: r.score, ...Object.fromEntries(clusters.map((c) => [c.id, r.clusters[c.id] ?? null])) }));
  // A line needs two points; with few days of data, dots make every value visible.
  const dot = rows.filter((r) => r.score !== null).length < 20 ? { r: 3 } : false;
  return (
    <Frame label={label}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={axis} minTickGap={24} label={{ value: bucket > 1 ? "Week ending (UTC)" : "Day (UTC)", position: "insideBottom", offset: -4, fontSize: 11, fill: "#71717a" }} height={36} />
        <YAxis domain={[0, 100]} tick={axis} width={58} label={{ value: "Score (0-100)", angle: -90, position: "insideLeft", offset: 8, fontSize: 11, fill: "#71717a" }} />
        <Tooltip labelFormatter={(d) => shortDay(String(d))} formatter={(v) => (v === null || v === undefined ? "no scan yet" : `${v} / 100`)} />
        <Legend verticalAlign="top" height={28} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
        <Line type="monotone" dataKey="score" name={showClusters ? "Organization" : "Score"} stroke="#18181b" strokeWidth={2.5} dot={dot} connectNulls={false} isAnimationActive={false} />
        {showClusters &&
          clusters.map((c, i) => (
            <Line key={c.id} type="monotone" dataKey={c.id} name={c.name} stroke={CLUSTER_COLORS[i]} strokeDasharray={DASHES[i]} strokeWidth={1.5} dot={dot ? { r: 2 } : false} isAnimationActive={false} />
          ))}
      </LineChart>
    </Frame>
  );
}

const RISK_SERIES = [
  { key: "riskCritical", label: "Critical", color: "#b91c1c" },
  { key: "riskHigh", label: "High", color: "#ea580c" },
  { key: "riskMedium", label: "Medium", color: "#f59e0b" },
  { key: "riskLow", label: "Low", color: "#0284c7" },
] as const;

/** Open findings (or, with `of="risks"`, open risks) stacked by severity. */
export function SeverityChart({ rows: input, label, bucket, of = "findings" }: { rows: TTrendRow[]; label: string; bucket: number; of?: "findings" | "risks" }) {
  const series: ReadonlyArray<{ key: string; label: string; color: string }> = of === "risks" ? RISK_SERIES : SEVERITY;
  const axisLabel = of === "risks" ? "Open risks" : "Open findings";
  // Before the first scan nothing is known: leave a gap rather than draw zero.
  const rows: Array<Record<string, unknown>> = input.map((r) => (r.score === null && r.scans === 0 ? { ...r, ...Object.fromEntries(series.map((s) => [s.key, null])) } : { ...r }));
  const value = (r: Record<string, unknown>, k: string) => (typeof r[k] === "number" ? (r[k] as number) : 0);
  // An area needs two points: with less history, stacked bars show the same numbers.
  const withData = rows.filter((r) => series.some((s) => value(r, s.key) > 0)).length;
  const common = (
    <>
      <XAxis dataKey="day" tickFormatter={shortDay} tick={axis} minTickGap={24} label={{ value: bucket > 1 ? "Week ending (UTC)" : "Day (UTC)", position: "insideBottom", offset: -4, fontSize: 11, fill: "#71717a" }} height={36} />
      <YAxis allowDecimals={false} tick={axis} width={58} label={{ value: axisLabel, angle: -90, position: "insideLeft", offset: 8, fontSize: 11, fill: "#71717a" }} />
      <Tooltip labelFormatter={(d) => shortDay(String(d))} formatter={(v, name) => [`${v} ${of}`, name]} />
      <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => series.findIndex((s) => s.label === item.value)} />
    </>
  );
  if (withData < 3) {
    return (
      <Frame label={label}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
          {common}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="sev" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </Frame>
    );
  }
  return (
    <Frame label={label}>
      <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" />
        {common}
        {series.map((s) => (
          <Area key={s.key} type="stepAfter" dataKey={s.key} name={s.label} stackId="sev" stroke={s.color} fill={s.color} fillOpacity={0.55} isAnimationActive={false} />
        ))}
      </AreaChart>
    </Frame>
  );
}

export function ChangesChart({ rows, label, bucket }: { rows: TTrendRow[]; label: string; bucket: number }) {
  return (
    <Frame label={label}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={axis} minTickGap={24} label={{ value: bucket > 1 ? "Week ending (UTC)" : "Day (UTC)", position: "insideBottom", offset: -4, fontSize: 11, fill: "#71717a" }} height={36} />
        <YAxis allowDecimals={false} tick={axis} width={58} label={{ value: "Findings", angle: -90, position: "insideLeft", offset: 8, fontSize: 11, fill: "#71717a" }} />
        <Tooltip labelFormatter={(d) => shortDay(String(d))} formatter={(v, name) => [`${v} findings`, name]} />
        <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => ["New", "Reopened", "Fixed"].indexOf(String(item.value))} />
        <Bar dataKey="new" name="New" fill="#D55E00" isAnimationActive={false} />
        <Bar dataKey="reopened" name="Reopened" fill="#CC79A7" isAnimationActive={false} />
        <Bar dataKey="fixed" name="Fixed" fill="#0072B2" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

/** Open critical and high CVEs (distinct cluster x image x CVE): two lines, told apart by dash as well as colour. */
export function VulnChart({ days, label, bucket }: { days: { day: string; critical: number; high: number }[]; label: string; bucket: number }) {
  const dot = days.length < 20 ? { r: 3 } : false;
  return (
    <Frame label={label}>
      <LineChart data={days} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={axis} minTickGap={24} label={{ value: bucket > 1 ? "Week ending (UTC)" : "Day (UTC)", position: "insideBottom", offset: -4, fontSize: 11, fill: "#71717a" }} height={36} />
        <YAxis allowDecimals={false} tick={axis} width={58} label={{ value: "Open CVEs", angle: -90, position: "insideLeft", offset: 8, fontSize: 11, fill: "#71717a" }} />
        <Tooltip labelFormatter={(d) => shortDay(String(d))} formatter={(v, name) => [`${v} open CVEs`, name]} />
        <Legend verticalAlign="top" height={28} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
        <Line type="stepAfter" dataKey="critical" name="Critical" stroke={SEVERITY[0].color} strokeWidth={2.5} dot={dot} isAnimationActive={false} />
        <Line type="stepAfter" dataKey="high" name="High" stroke={SEVERITY[1].color} strokeDasharray="6 3" strokeWidth={2} dot={dot} isAnimationActive={false} />
      </LineChart>
    </Frame>
  );
}
