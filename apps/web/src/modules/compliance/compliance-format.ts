// How the compliance pages write names, sizes and dates (pure: server and client components use it).

/** "Ana Admin <ana@example.com>" (as stored at signing) -> "Ana Admin". */
export function attesterName(attestedByName: string): string {
  return attestedByName.replace(/\s*<[^>]*>\s*$/, "") || attestedByName;
}

/** "12.4 KiB" */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "7 Dec 2026" (UTC, deterministic so server and client render the same). */
export function day(date: Date | string): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "YYYY-MM-DD" of a day `days` from now (UTC), for date inputs. */
export function isoDay(days = 0, from = new Date()): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
