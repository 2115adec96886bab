// Form controls with labels and errors next to the field.
import { cn } from "../cn";
import { Button } from "./button";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-inset focus:ring-indigo-500 focus:outline-none disabled:bg-zinc-50 aria-[invalid=true]:ring-red-500";

export function Field({
  id, label, hint, error, children, className,
}: { id: string; label: React.ReactNode; hint?: React.ReactNode; error?: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">{label}</label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">{error}</p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">{hint}</p>
      ) : null}
    </div>
  );
}

export function Input({ className, ...props }: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={cn(inputClass, className)} />;
}

export function Textarea({ className, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} className={cn(inputClass, "font-mono text-xs leading-5", className)} />;
}

export function Select({ className, ...props }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={cn(inputClass, "pr-8", className)} />;
}

/** aria props that tie a control to its error or hint text. */
export function describedBy(id: string, error?: string, hint?: boolean) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

/** A text input with a fixed prefix shown inside the field (e.g. "custom-"); the value is the rest. */
export function PrefixedInput({ prefix, className, ...props }: React.InputHTMLAttributes<HTMLInputElement> & { prefix: string }) {
  return (
    <div className="flex w-full rounded-md bg-white shadow-xs ring-1 ring-inset ring-zinc-300 focus-within:ring-2 focus-within:ring-inset focus-within:ring-indigo-500 has-[[aria-invalid=true]]:ring-red-500 has-[:disabled]:bg-zinc-50">
      <span aria-hidden className="flex select-none items-center pl-3 font-mono text-xs text-zinc-500">{prefix}</span>
      <input {...props} className={cn("block min-w-0 flex-1 rounded-r-md border-0 bg-transparent py-2 pl-0 pr-3 text-sm text-zinc-900 placeholder:text-zinc-400 focus:outline-none disabled:text-zinc-600", className)} />
    </div>
  );
}

/** A dialog form's last lines: the form-level error, Cancel and the submit button. */
export function DialogFormFooter({ error, pending, submitLabel, danger, onCancel }: { error?: string; pending: boolean; submitLabel: React.ReactNode; danger?: boolean; onCancel: () => void }) {
  return (
    <>
      {error && <p className="text-sm text-red-700" role="alert">{error}</p>}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </>
  );
}
