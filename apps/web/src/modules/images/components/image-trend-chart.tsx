"use client";
// Open CVEs of one image per day (stacked: critical, high, the rest), titled, with axes, tooltip and
// legend; the image page also lists the same numbers in a table for screen readers.
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const SERIES = [
  { key: "critical", label: "Critical", color: "#b91c1c" },
  { key: "high", label: "High", color: "#ea580c" },
  { key: "other", label: "Medium and lower", color: "#a1a1aa" },
] as const;
const axis = { fontSize: 11, fill: "#52525b" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const shortDay = (d: string) => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}`;

export function ImageTrendChart({ rows, label }: { rows: Array<{ day: string; critical: number; high: number; other: number }>; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={axis} minTickGap={28} height={36} label={{ value: "Day (UTC)", position: "insideBottom", offset: -4, fontSize: 11, fill: "#71717a" }} />
          <YAxis allowDecimals={false} tick={axis} width={52} label={{ value: "Open CVEs", angle: -90, position: "insideLeft", offset: 8, fontSize: 11, fill: "#71717a" }} />
          <Tooltip labelFormatter={(d) => shortDay(String(d))} />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Area key={s.key} type="stepAfter" dataKey={s.key} name={s.label} stackId="cves" stroke={s.color} fill={s.color} fillOpacity={0.25} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
