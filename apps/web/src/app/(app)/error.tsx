"use client";
import { Button } from "@/modules/ui/components/button";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md py-20 text-center" role="alert">
      <h1 className="text-xl font-semibold text-zinc-900">This page failed to load</h1>
      <p className="mt-2 text-sm text-zinc-500">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Try again; if it keeps failing, the server log has the details.
      </p>
      <Button className="mt-6" onClick={reset}>Try again</Button>
    </div>
  );
}
