// Small pieces every access page shows: a subject's name and kind, privilege levels and risky
// capabilities as chips (colour always with its text; the reason in a tooltip and on expand), and
// the path a grant takes (binding -> role -> rule).
import Link from "next/link";
import { describeRule, type Capability, type CapabilityLevel, type GrantVia, type SubjectRef } from "@bulwark/rules";
import { cn } from "@/modules/ui/cn";
import { subjectHref, subjectLabel } from "../access.schemas";

const chip = "inline-flex items-center gap-1 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset";

export const LEVEL_STYLE: Record<CapabilityLevel, { label: string; badge: string; dot: string }> = {
  admin: { label: "Cluster-admin equivalent", badge: "bg-red-50 text-red-700 ring-red-700/25", dot: "bg-red-700" },
  high: { label: "High", badge: "bg-orange-50 text-orange-700 ring-orange-600/25", dot: "bg-orange-600" },
  medium: { label: "Medium", badge: "bg-amber-50 text-amber-800 ring-amber-500/30", dot: "bg-amber-500" },
};

export function LevelBadge({ level, short }: { level: CapabilityLevel | "" | string; short?: boolean }) {
  const s = LEVEL_STYLE[level as CapabilityLevel];
  if (!s) return <span className="text-xs text-zinc-500">none</span>;
  return (
    <span className={cn(chip, s.badge)}>
      <span aria-hidden className={cn("size-1.5 rounded-full", s.dot)} />
      {short && level === "admin" ? "Admin" : s.label}
    </span>
  );
}

const KIND_SHORT: Record<SubjectRef["kind"], string> = { User: "User", Group: "Group", ServiceAccount: "SA" };

export function KindBadge({ kind }: { kind: SubjectRef["kind"] }) {
  return <span title={kind} className={cn(chip, "bg-zinc-50 font-mono text-[11px] text-zinc-600 ring-zinc-200")}>{KIND_SHORT[kind]}</span>;
}

export function BuiltInBadge() {
  return <span title="Kubernetes' or the platform's own binding (system: names, bootstrap bindings)" className={cn(chip, "bg-zinc-100 text-zinc-600 ring-zinc-300")}>built-in</span>;
}

/** The subject as a link to its page: kind badge, then namespace/name. */
export function SubjectLink({ subject, className }: { subject: SubjectRef; className?: string }) {
  return (
    <span className={cn("flex min-w-0 items-center gap-1.5", className)}>
      <KindBadge kind={subject.kind} />
      <Link href={subjectHref(subject)} className="min-w-0 max-w-[11rem] font-medium [overflow-wrap:anywhere] sm:max-w-[15rem] text-indigo-700 underline-offset-4 hover:underline" title={`${subject.kind} ${subjectLabel(subject)}`}>
        {subjectLabel(subject)}
      </Link>
    </span>
  );
}

const scopeText = (scope: string | undefined) => (scope ? `in ${scope}` : "cluster-wide");

/**
 * Capabilities as chips: the title in colour with its level, the reason on hover. With `expand`,
 * the chips are the summary of a disclosure that lists every reason (keyboard and touch too).
 */
export function CapabilityChips({ capabilities, expand = false, max = 6 }: { capabilities: readonly Capability[]; expand?: boolean; max?: number }) {
  if (capabilities.length === 0) return <span className="text-xs text-zinc-500">none</span>;
  const chips = (
    <>
      {capabilities.slice(0, max).map((c) => (
        <span key={`${c.id}:${c.scope ?? ""}`} className={cn(chip, LEVEL_STYLE[c.level].badge)} title={`${c.why} (${scopeText(c.scope)}; via ${c.via.bindingKind} ${c.via.binding})`}>
          {c.title}
          {c.scope && <span className="font-normal">· {c.scope}</span>}
        </span>
      ))}
      {capabilities.length > max && <span className="self-center text-xs text-zinc-500">+{capabilities.length - max} more</span>}
    </>
  );
  if (!expand) return <span className="flex flex-wrap gap-1">{chips}</span>;
  return (
    <details className="group text-xs">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-1 [&::-webkit-details-marker]:hidden">
        {chips}
        <span className="ml-0.5 text-zinc-500 underline decoration-dotted underline-offset-2 group-open:hidden">why?</span>
      </summary>
      <ul className="mt-1.5 max-w-2xl list-disc space-y-0.5 pl-4 text-zinc-600">
        {capabilities.map((c) => <li key={`${c.id}:${c.scope ?? ""}`}><span className="font-medium text-zinc-800">{c.title}</span> ({scopeText(c.scope)}): {c.why}</li>)}
      </ul>
    </details>
  );
}

/** "RoleBinding shop/ci-deployer → Role ci-deployer → get,list secrets", each part labelled. */
export function ViaPath({ via, showScope = true }: { via: GrantVia; showScope?: boolean }) {
  const binding = via.bindingNamespace ? `${via.bindingNamespace}/${via.binding}` : via.binding;
  return (
    <div className="min-w-0 text-xs leading-5 text-zinc-700">
      <span className="inline-flex flex-wrap items-baseline gap-x-1">
        {via.viaGroup && <span className="text-zinc-500">via group <span className="font-mono text-zinc-700">{via.viaGroup}</span> →</span>}
        <span className="text-zinc-500">{via.bindingKind}</span>
        <span className="font-mono font-medium text-zinc-900" data-testid="via-binding">{binding}</span>
        <span aria-hidden className="text-zinc-500">→</span>
        <span className="text-zinc-500">{via.roleKind}</span>
        <span className="font-mono font-medium text-zinc-900" data-testid="via-role">{via.role}</span>
        {via.ruleSource && <span className="text-zinc-500 [overflow-wrap:anywhere]">(rule from {via.ruleSource === "built-in" ? "the built-in definition" : via.ruleSource})</span>}
        <span aria-hidden className="text-zinc-500">→</span>
        <span className="font-mono text-zinc-800 [overflow-wrap:anywhere]">{describeRule(via.rule)}</span>
        {via.rule.resourceNames.length > 0 && <span className="text-zinc-500">only {via.rule.resourceNames.join(", ")}</span>}
        {showScope && <span className="text-zinc-500">· {scopeText(via.scope)}</span>}
      </span>
    </div>
  );
}

export { scopeText };
