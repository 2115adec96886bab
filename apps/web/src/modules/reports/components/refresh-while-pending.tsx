"use client";
// Re-renders the server page every 2 s while a report is queued or running, then stops.
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [pending, router]);
  return null;
}
