// The read shape of a cluster for the web: never the credential columns.
import type { Cluster, Prisma, Scan, ScanSchedule } from "../generated/prisma/client";

export const SCAN_SUMMARY_SELECT = {
  id: true,
  status: true,
  trigger: true,
  progress: true,
  phase: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  error: true,
  critical: true,
  high: true,
  medium: true,
  low: true,
  info: true,
  score: true,
  riskCritical: true,
  riskHigh: true,
  riskMedium: true,
  riskLow: true,
  expectedCount: true,
  objectCount: true,
  newCount: true,
  fixedCount: true,
} as const satisfies Prisma.ScanSelect;

export type ScanSummary = Pick<Scan, keyof typeof SCAN_SUMMARY_SELECT>;

/** Neither credential (the read one, nor the optional write one) ever leaves the database layer. */
export const CREDENTIAL_OMIT = { credentialCipher: true, credentialKeyId: true, writeCredentialCipher: true, writeCredentialKeyId: true } as const;
type CredentialColumn = keyof typeof CREDENTIAL_OMIT;

export type ClusterSummary = Omit<Cluster, CredentialColumn> & {
  /** The most recent scan in any state (a running one shows progress/phase). */
  lastScan: ScanSummary | null;
  /** The last scan that produced results (succeeded or partial): what score and counts come from. */
  lastResult: ScanSummary | null;
  schedule: ScanSchedule | null;
};

export type ClusterDetail = ClusterSummary & { recentScans: ScanSummary[] };

export const clusterSummaryInclude = (recent: number) =>
  ({
    schedule: true,
    lastScan: { select: SCAN_SUMMARY_SELECT },
    scans: { select: SCAN_SUMMARY_SELECT, orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }], take: recent },
  }) satisfies Prisma.ClusterInclude;

type Loaded = Omit<Cluster, CredentialColumn> & {
  schedule: ScanSchedule | null;
  lastScan: ScanSummary | null;
  scans: ScanSummary[];
};

export function toSummary(row: Loaded): ClusterSummary {
  const { scans, lastScan, ...rest } = row;
  return { ...rest, lastScan: scans[0] ?? null, lastResult: lastScan };
}

/** Worst first: lowest score (unscanned last), then most critical findings, then name. */
export function compareClusters(a: ClusterSummary, b: ClusterSummary): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return a.score - b.score;
  }
  const ca = a.lastResult?.critical ?? 0;
  const cb = b.lastResult?.critical ?? 0;
  if (ca !== cb) return cb - ca;
  return a.name.localeCompare(b.name);
}
