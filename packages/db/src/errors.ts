/** The row does not exist in the caller's organization (or at all: callers can't tell, by design). */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** A request that is well-formed but breaks a rule of the domain; the message is safe to show. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DomainError";
  }
}
