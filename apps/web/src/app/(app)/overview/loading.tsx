// Skeleton in the overview's final layout while its data loads. Kept off detail pages on purpose:
// a loading boundary starts streaming a 200 before notFound() can answer 404 for foreign ids.
export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="animate-pulse space-y-6">
      <div className="space-y-2">
        <div className="h-6 w-48 rounded bg-zinc-200" />
        <div className="h-4 w-80 max-w-full rounded bg-zinc-100" />
      </div>
      <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="h-40 rounded-lg border border-zinc-200 bg-white" />
        <div className="h-40 rounded-lg border border-zinc-200 bg-white" />
      </div>
      <div className="rounded-lg border border-zinc-200 bg-white">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-zinc-100 px-4 py-3 last:border-0">
            <div className="h-4 w-16 rounded bg-zinc-100" />
            <div className="h-4 flex-1 rounded bg-zinc-100" />
            <div className="h-4 w-24 rounded bg-zinc-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
