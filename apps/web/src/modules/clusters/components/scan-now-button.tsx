"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Play } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { useToast } from "@/modules/ui/components/toast";
import { scanNowAction } from "../server/actions";

export function ScanNowButton({ clusterId, busy }: { clusterId: string; busy: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="primary"
      disabled={pending || busy}
      title={busy ? "A scan is already queued or running" : undefined}
      onClick={() =>
        start(async () => {
          const res = await scanNowAction({ clusterId });
          if (!res.ok) toast.show({ tone: "error", title: "Scan not started", body: res.error });
          else toast.show({ tone: "success", title: "Scan queued", body: "Progress appears here; you can leave this page." });
          router.refresh();
        })
      }
    >
      <Play className="size-4" aria-hidden />
      {pending ? "Queuing…" : busy ? "Scanning…" : "Scan now"}
    </Button>
  );
}
