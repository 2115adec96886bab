"use client";
// Toasts after actions: announced politely to screen readers, dismissable, optional action (undo).
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { CheckCircle2, AlertTriangle, X } from "lucide-react";
import { cn } from "../cn";

interface TToast {
  id: number;
  tone: "success" | "error" | "info";
  title: string;
  body?: string;
  action?: { label: string; onClick: () => void };
}

const Ctx = createContext<{ show: (t: Omit<TToast, "id">) => void } | null>(null);

export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<TToast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (t: Omit<TToast, "id">) => {
      const id = Date.now() + Math.random();
      setToasts((ts) => [...ts.slice(-2), { ...t, id }]);
      setTimeout(() => dismiss(id), t.tone === "error" ? 9000 : 5000);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ show }), [show]);
  return (
    <Ctx.Provider value={value}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
        {toasts.map((t) => (
          <div key={t.id} role={t.tone === "error" ? "alert" : "status"} className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-lg">
            {t.tone === "error" ? <AlertTriangle className="mt-0.5 size-4 shrink-0 text-red-600" aria-hidden /> : <CheckCircle2 className={cn("mt-0.5 size-4 shrink-0", t.tone === "success" ? "text-green-600" : "text-indigo-600")} aria-hidden />}
            <div className="min-w-0 flex-1">
              <div className="text-sm font-medium text-zinc-900">{t.title}</div>
              {t.body && <div className="mt-0.5 text-xs text-zinc-600">{t.body}</div>}
            </div>
            {t.action && (
              <button type="button" className="text-xs font-medium text-indigo-700 hover:underline" onClick={() => { t.action!.onClick(); dismiss(t.id); }}>
                {t.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss" className="rounded p-0.5 text-zinc-500 hover:text-zinc-700" onClick={() => dismiss(t.id)}>
              <X className="size-4" aria-hidden />
            </button>
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
}

export function useToast() {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("useToast outside ToastProvider");
  return ctx;
}
