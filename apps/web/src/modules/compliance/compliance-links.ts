// The compliance pages' URLs in one place (framework and control ids hold dots, spaces and brackets).

export function frameworkHref(framework: string, clusterId?: string, controlId?: string): string {
  const q = `/compliance?framework=${encodeURIComponent(framework)}${clusterId ? `&cluster=${encodeURIComponent(clusterId)}` : ""}`;
  return controlId ? `${q}#${controlAnchor(controlId)}` : q;
}

export function controlHref(framework: string, controlId: string): string {
  return `/compliance/${encodeURIComponent(framework)}/controls/${encodeURIComponent(controlId)}`;
}

export function scopeHref(framework: string): string {
  return `/compliance/${encodeURIComponent(framework)}/scope`;
}

/** The anchor of a control's row in a cluster's table. */
export function controlAnchor(controlId: string): string {
  return `control-${controlId.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/** A route segment as the page receives it: decoded once (never twice: an id may hold "%"). */
export function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
