"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { useToast } from "@/modules/ui/components/toast";
import { revokeTokenAction } from "../server/actions";

export function RevokeToken({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="ghost"
      className="text-red-700"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(`Revoke the token “${name}”? Anything using it gets 401 from now on.`)) return;
        start(async () => {
          const res = await revokeTokenAction({ tokenId });
          toast.show(res.ok ? { tone: "success", title: `Revoked “${name}”` } : { tone: "error", title: "Not revoked", body: res.error });
          router.refresh();
        });
      }}
    >
      Revoke<span className="sr-only"> {name}</span>
    </Button>
  );
}
