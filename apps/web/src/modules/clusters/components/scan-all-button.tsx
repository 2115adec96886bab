"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Radar } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { scanAllAction } from "../server/actions";
import { useToast } from "@/modules/ui/components/toast";

export function ScanAllButton() {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <Button
      disabled={pending}
      onClick={() =>
        start(async () => {
          const res = await scanAllAction({});
          if (!res.ok) toast.show({ tone: "error", title: "Could not start scans", body: res.error });
          else {
            const { queued, skipped } = res.data;
            toast.show({
              tone: "success",
              title: queued ? `Queued ${queued} scan${queued === 1 ? "" : "s"}` : "Nothing to queue",
              body: skipped ? `${skipped} cluster${skipped === 1 ? " was" : "s were"} already scanning.` : undefined,
            });
          }
          router.refresh();
        })
      }
    >
      <Radar className="size-4" aria-hidden />
      {pending ? "Queuing…" : "Scan all clusters"}
    </Button>
  );
}
