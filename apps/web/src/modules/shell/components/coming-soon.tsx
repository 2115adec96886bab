import { Sparkles } from "lucide-react";
import { PageHeader, Section } from "@/modules/ui/components/layout";

export function ComingSoon({ title, summary, bullets }: { title: string; summary: string; bullets: string[] }) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <Section>
        <div className="flex flex-col gap-4 py-6 sm:flex-row sm:items-start">
          <div className="grid size-10 shrink-0 place-items-center rounded-full bg-indigo-50 text-indigo-600"><Sparkles className="size-5" aria-hidden /></div>
          <div>
            <h2 className="text-sm font-semibold text-zinc-900">Coming soon</h2>
            <p className="mt-1 text-sm text-zinc-500">This page is being built. When it ships it will:</p>
            <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm text-zinc-700">
              {bullets.map((b) => <li key={b}>{b}</li>)}
            </ul>
          </div>
        </div>
      </Section>
    </>
  );
}
