import { cn } from "../cn";
import {
  CONNECTION_STYLE, FINDING_STATUS_STYLE, SCAN_STATUS_STYLE, SEVERITY_STYLE,
  type TConnectionStatus, type TFindingStatus, type TScanStatus, type TSeverity,
} from "../severity";

const base = "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset";

export function SeverityBadge({ severity, className }: { severity: TSeverity; className?: string }) {
  const s = SEVERITY_STYLE[severity];
  return (
    <span className={cn(base, s.badge, className)}>
      <span aria-hidden className={cn("size-1.5 rounded-full", s.dot)} />
      {s.label}
    </span>
  );
}

export function FindingStatusBadge({ status }: { status: TFindingStatus }) {
  const s = FINDING_STATUS_STYLE[status];
  return <span className={cn(base, s.badge)}>{s.label}</span>;
}

export function ScanStatusBadge({ status }: { status: TScanStatus }) {
  const s = SCAN_STATUS_STYLE[status];
  return (
    <span className={cn(base, s.badge)}>
      {status === "running" && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-blue-600" />}
      {s.label}
    </span>
  );
}

export function ConnectionStatus({ status }: { status: TConnectionStatus }) {
  const s = CONNECTION_STYLE[status];
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-xs text-zinc-600">
      <span aria-hidden className={cn("size-2 rounded-full", s.dot)} />
      {s.label}
    </span>
  );
}

export function Badge({ children, className }: { children: React.ReactNode; className?: string }) {
  return <span className={cn(base, "bg-zinc-50 text-zinc-600 ring-zinc-200", className)}>{children}</span>;
}
