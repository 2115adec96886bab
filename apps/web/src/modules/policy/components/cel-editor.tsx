"use client";
// A CEL (or YAML) textarea with line numbers; lines with errors are marked in the gutter.
import { useRef } from "react";
import { cn } from "@/modules/ui/cn";

export function CodeEditor({
  id, value, onChange, rows = 6, errorLines, disabled, placeholder, describedById, invalid,
}: {
  id: string; value: string; onChange: (v: string) => void; rows?: number; errorLines?: ReadonlySet<number>;
  disabled?: boolean; placeholder?: string; describedById?: string; invalid?: boolean;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const count = Math.max(value.split("\n").length, rows);
  return (
    <div className={cn("flex overflow-hidden rounded-md bg-white shadow-xs ring-1 ring-inset focus-within:ring-2 focus-within:ring-indigo-500", invalid ? "ring-red-500" : "ring-zinc-300")}>
      <div ref={gutter} aria-hidden className="select-none overflow-hidden border-r border-zinc-200 bg-zinc-50 py-2 font-mono text-xs leading-5 text-zinc-400">
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className={cn("px-2 text-right tabular-nums", errorLines?.has(i + 1) && "bg-red-100 font-semibold text-red-700")}>{i + 1}</div>
        ))}
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedById}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        className="block min-w-0 flex-1 resize-y border-0 bg-transparent px-3 py-2 font-mono text-xs leading-5 text-zinc-900 placeholder:text-zinc-400 focus:outline-none disabled:bg-zinc-50"
      />
    </div>
  );
}

/** "line 1, column 22" with the source line and a caret under the column, like a compiler. */
export function ErrorAt({ source, error }: { source: string; error: { message: string; line?: number; column?: number } }) {
  const text = error.line ? source.split("\n")[error.line - 1] : undefined;
  return (
    <li className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-900">
      <div>
        {error.line ? <span className="font-semibold">Line {error.line}, column {error.column ?? 1}: </span> : null}
        {error.message}
      </div>
      {text !== undefined && (
        <pre className="mt-1.5 overflow-x-auto font-mono leading-5 text-red-950" aria-hidden>
          {`${error.line} | ${text}\n${" ".repeat(String(error.line).length)} | ${" ".repeat(Math.max(0, (error.column ?? 1) - 1))}^`}
        </pre>
      )}
    </li>
  );
}
