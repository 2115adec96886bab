"use client";
// The terms of an accepted risk, asked the same way wherever one is granted or requested (a
// finding's exception dialog, a risk's "accept risk"): an expiry at most MAX_DAYS away and a
// justification that compliance reports show.
import { useState } from "react";
import { Field, Input, Textarea, describedBy } from "@/modules/ui/components/form";
import { MAX_DAYS } from "../exceptions.schemas";

/** A day `n` days from now, as the date input wants it (UTC). */
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The terms' state: expiry (90 days by default), justification, and the form's field errors. */
export function useExceptionTerms() {
  const [expiresAt, setExpiresAt] = useState(inDays(90));
  const [justification, setJustification] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fields = { expiresAt, onExpiresAt: setExpiresAt, justification, onJustification: setJustification, errors };
  return { expiresAt, justification, errors, setErrors, clearJustification: () => setJustification(""), fields };
}

export function ExceptionTermsFields(props: {
  idPrefix: string;
  expiresAt: string;
  onExpiresAt: (v: string) => void;
  justification: string;
  onJustification: (v: string) => void;
  errors: { expiresAt?: string; justification?: string };
  expiresHint: string;
  justificationHint: string;
}) {
  const { idPrefix: p, errors } = props;
  return (
    <>
      <Field id={`${p}-expires`} label="Expires on" hint={props.expiresHint} error={errors.expiresAt}>
        <Input id={`${p}-expires`} type="date" required value={props.expiresAt} min={inDays(1)} max={inDays(MAX_DAYS)} onChange={(e) => props.onExpiresAt(e.target.value)} className="w-48" {...describedBy(`${p}-expires`, errors.expiresAt, true)} />
      </Field>
      <Field id={`${p}-justification`} label="Justification" hint={props.justificationHint} error={errors.justification}>
        <Textarea id={`${p}-justification`} rows={3} required value={props.justification} onChange={(e) => props.onJustification(e.target.value)} className="font-sans text-sm" {...describedBy(`${p}-justification`, errors.justification, true)} />
      </Field>
    </>
  );
}
