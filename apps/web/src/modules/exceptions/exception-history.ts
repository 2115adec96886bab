// How a finding's (or risk's) history tells an exception: who asked, who approved, until when.
// "Ana requested an exception; Bo approved it: covers this finding until 2026-03-01", or "Bo granted
// an exception: ..." when the approver asked. Pure, so the wording is tested.

export interface TExceptionPeople {
  requestedBy: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
  expiresAt: string;
  status: string;
}

/** A person as the reader sees them: "You"/"you" for the reader. */
export function personName(p: { id: string; name: string } | null, meId: string, start: boolean): string {
  if (!p) return start ? "Someone" : "someone";
  if (p.id === meId) return start ? "You" : "you";
  return p.name;
}

const day = (iso: string) => iso.slice(0, 10);

/** The sentence of the moment an exception started covering the item. */
export function exceptionCoverText(ex: TExceptionPeople, meId: string, what = "this finding"): string {
  const until = `covers ${what} until ${day(ex.expiresAt)}`;
  const { requestedBy: r, decidedBy: d } = ex;
  if (r && d && r.id === d.id) return `${personName(d, meId, true)} granted an exception: ${until}`;
  if (r && d) return `${personName(r, meId, true)} requested an exception; ${personName(d, meId, false)} approved it: ${until}`;
  if (d) return `${personName(d, meId, true)} approved an exception: ${until}`;
  return `An exception ${until}`;
}

/** The sentence of a request made from the item (shown when it was asked). */
export function exceptionRequestText(ex: TExceptionPeople, meId: string): string {
  const who = personName(ex.requestedBy, meId, true);
  if (ex.status === "requested") return `${who} requested an exception (waiting for an admin)`;
  if (ex.status === "rejected") return `${who} requested an exception; ${personName(ex.decidedBy, meId, false)} rejected it`;
  return `${who} requested an exception`;
}

/** Whether a request deserves its own line: a grant by the approver is one event, not two. */
export function requestIsSeparate(ex: TExceptionPeople): boolean {
  return !(ex.requestedBy && ex.decidedBy && ex.requestedBy.id === ex.decidedBy.id);
}

/** An exception a history mentions: requested from this item, or one that covered it. */
export type THistoryException = TExceptionPeople & { id: string; createdAt: Date; fromHere: boolean };
