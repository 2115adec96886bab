// Read-only YAML with line numbers and the offending lines marked. Colouring is a light per-line
// tokenisation (key / value / comment), enough to scan a manifest; no client JavaScript.
import { cn } from "@/modules/ui/cn";

function Line({ text }: { text: string }) {
  const m = /^(\s*)(- )?([^:#'"\s][^:#]*?|"[^"]*"|'[^']*')(:)(\s.*|$)/.exec(text);
  if (!m) {
    const dash = /^(\s*)(- )(.*)$/.exec(text);
    if (dash) return <>{dash[1]}<span className="text-zinc-400">{dash[2]}</span><span className="text-emerald-300">{dash[3]}</span></>;
    return <span className="text-emerald-300">{text}</span>;
  }
  return (
    <>
      {m[1]}
      {m[2] && <span className="text-zinc-400">{m[2]}</span>}
      <span className="text-sky-300">{m[3]}</span>
      <span className="text-zinc-400">{m[4]}</span>
      <span className="text-emerald-300">{m[5]}</span>
    </>
  );
}

export function YamlBlock({ lines, marked, label }: { lines: string[]; marked: number[]; label: string }) {
  const set = new Set(marked);
  const width = String(lines.length).length;
  return (
    <div className="overflow-x-auto rounded-b-lg bg-zinc-950 py-3" role="region" aria-label={label} tabIndex={0}>
      <pre className="min-w-max font-mono text-xs leading-5 text-zinc-200">
        <code>
          {lines.map((l, i) => {
            const n = i + 1;
            const on = set.has(n);
            return (
              <span key={n} className={cn("block pr-4", on && "bg-red-500/20 shadow-[inset_3px_0_0_0_rgb(248,113,113)]")} id={on && !set.has(n - 1) ? "marked" : undefined}>
                <span aria-hidden className={cn("inline-block select-none pl-3 pr-4 text-right", on ? "text-red-300" : "text-zinc-400")} style={{ width: `${width + 3}ch` }}>{n}</span>
                {on && <span className="sr-only">(offending line) </span>}
                <Line text={l} />
              </span>
            );
          })}
        </code>
      </pre>
    </div>
  );
}
