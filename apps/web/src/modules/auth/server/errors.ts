// An error that carries the HTTP status a handler wants to answer with.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = statusCode(status),
    readonly fieldErrors?: Record<string, string>,
    /** extra machine-readable facts for API clients, e.g. the id of the scan already running */
    readonly details?: Record<string, string | number>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

function statusCode(status: number): string {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthenticated";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 409: return "conflict";
    case 429: return "rate_limited";
    default: return "error";
  }
}

/** Throws a 404 when a tenant-scoped lookup found nothing (also the answer for other orgs' ids). */
export function orNotFound<T>(value: T | null | undefined, what = "Not found"): T {
  if (value === null || value === undefined) throw new HttpError(404, what);
  return value;
}
