// Page scaffolding: header with title/description/actions, sections, empty states.
import { cn } from "../cn";

export function PageHeader({
  title, description, actions, eyebrow, wrap = false,
}: { title: React.ReactNode; description?: React.ReactNode; actions?: React.ReactNode; eyebrow?: React.ReactNode; /** long titles (a risk's sentence) wrap instead of being cut */ wrap?: boolean }) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {eyebrow && <div className="mb-1 text-xs text-zinc-500">{eyebrow}</div>}
        <h1 className={cn("font-semibold tracking-tight text-zinc-900", wrap ? "text-balance break-words text-lg sm:text-xl" : "truncate text-xl")}>{title}</h1>
        {description && <p className="mt-1 max-w-3xl text-sm text-zinc-500">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

export function Section({
  title, description, actions, children, className, bodyClassName, id,
}: {
  title?: React.ReactNode; description?: React.ReactNode; actions?: React.ReactNode;
  children: React.ReactNode; className?: string; bodyClassName?: string; id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section aria-labelledby={headingId} id={id} className={cn("rounded-lg border border-zinc-200 bg-white shadow-xs", className)}>
      {(title || actions) && (
        <div className="flex items-center justify-between gap-3 border-b border-zinc-100 px-4 py-3">
          <div className="min-w-0">
            {title && <h2 id={headingId} className="text-sm font-semibold text-zinc-900">{title}</h2>}
            {description && <p className="mt-0.5 text-xs text-zinc-500">{description}</p>}
          </div>
          {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
        </div>
      )}
      <div className={cn(bodyClassName ?? "p-4")}>{children}</div>
    </section>
  );
}

export function EmptyState({
  icon, title, description, children,
}: { icon?: React.ReactNode; title: string; description?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-12 text-center">
      {icon && <div className="mb-3 rounded-full bg-zinc-100 p-3 text-zinc-500">{icon}</div>}
      <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
      {description && <p className="mt-1 max-w-md text-sm text-zinc-500">{description}</p>}
      {children && <div className="mt-5 flex flex-wrap items-center justify-center gap-3">{children}</div>}
    </div>
  );
}

export function KeyValue({ items }: { items: Array<{ label: string; value: React.ReactNode }> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map((it) => (
        <div key={it.label} className="min-w-0">
          <dt className="text-xs text-zinc-500">{it.label}</dt>
          <dd className="mt-0.5 truncate text-sm text-zinc-900">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Callout({ tone = "info", title, children }: { tone?: "info" | "error" | "warning" | "success"; title?: string; children: React.ReactNode }) {
  const tones = {
    info: "border-blue-200 bg-blue-50 text-blue-900",
    error: "border-red-200 bg-red-50 text-red-900",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
    success: "border-green-200 bg-green-50 text-green-900",
  } as const;
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border px-3 py-2.5 text-sm", tones[tone])}>
      {title && <div className="font-medium">{title}</div>}
      <div className={cn(title && "mt-0.5", "opacity-90")}>{children}</div>
    </div>
  );
}

export const tableClass = {
  wrap: "overflow-x-auto",
  table: "w-full border-collapse text-left text-sm",
  thead: "sticky top-0 z-10 bg-zinc-50/95 backdrop-blur",
  th: "whitespace-nowrap border-b border-zinc-200 px-3 py-2 text-xs font-medium text-zinc-500 sm:px-4",
  tr: "border-b border-zinc-100 last:border-0 hover:bg-zinc-50/70",
  td: "px-3 py-2.5 align-middle sm:px-4",
};
