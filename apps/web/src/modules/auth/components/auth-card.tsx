import { Shield } from "lucide-react";

export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: React.ReactNode; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <div className="mb-8 flex items-center gap-2 text-zinc-900">
        <span className="grid size-8 place-items-center rounded-lg bg-zinc-900 text-white"><Shield className="size-4" aria-hidden /></span>
        <span className="text-lg font-semibold tracking-tight">Bulwark</span>
      </div>
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-zinc-500">{subtitle}</p>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <div className="mt-6 text-sm text-zinc-500">{footer}</div>}
    </main>
  );
}
