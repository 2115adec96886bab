import { DomainError } from "../errors";

/** createUserWithOrganization({ onlyFirstUser }) when the install already has users. */
export class SignUpClosedError extends DomainError {
  constructor() {
    super("sign-up is by invitation: ask an organization owner for an invite link");
    this.name = "SignUpClosedError";
  }
}
