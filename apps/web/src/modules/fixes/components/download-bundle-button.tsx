"use client";
// "Download fix bundle": fetches the zip (so a "nothing to fix" answer is a toast with the reason,
// not a downloaded error file) and saves it under the server's file name.
import { useTransition } from "react";
import { Download } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { useToast } from "@/modules/ui/components/toast";

export function bundleUrl(target: { findingIds: readonly string[] } | { riskId: string }): string {
  const q = new URLSearchParams();
  if ("riskId" in target) q.set("risk", target.riskId);
  else for (const id of target.findingIds) q.append("finding", id);
  return `/api/fixes/bundle?${q.toString()}`;
}

export function DownloadBundleButton({ target, label = "Download fix bundle", size = "sm", variant = "secondary", disabled }: {
  target: { findingIds: readonly string[] } | { riskId: string };
  label?: string;
  size?: "sm" | "md";
  variant?: "secondary" | "ghost" | "primary";
  disabled?: boolean;
}) {
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <Button
      size={size}
      variant={variant}
      disabled={pending || disabled}
      onClick={() =>
        start(async () => {
          const res = await fetch(bundleUrl(target), { headers: { accept: "application/zip" } });
          if (!res.ok) {
            const body = (await res.json().catch(() => null)) as { error?: string } | null;
            toast.show({ tone: "error", title: "No fix bundle", body: body?.error ?? `The server answered ${res.status}` });
            return;
          }
          const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "bulwark-fixes.zip";
          const url = URL.createObjectURL(await res.blob());
          const a = document.createElement("a");
          a.href = url;
          a.download = name;
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          const skipped = Number(res.headers.get("x-fix-skipped") ?? 0);
          toast.show({ tone: "success", title: `${name} downloaded`, body: skipped ? `${skipped} finding${skipped === 1 ? "" : "s"} could not be fixed automatically and are left out.` : "A kustomize patch set and the same patches as strategic-merge files." });
        })
      }
    >
      <Download className="size-3.5" aria-hidden />
      {pending ? "Preparing…" : label}
    </Button>
  );
}
