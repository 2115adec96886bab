"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { Callout } from "@/modules/ui/components/layout";
import { acceptInviteAction } from "../server/actions";

export function AcceptInvite({ token, orgName }: { token: string; orgName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-4">
      {error && <Callout tone="error">{error}</Callout>}
      <Button
        variant="primary"
        className="w-full"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const res = await acceptInviteAction({ token });
          if (!res.ok) {
            setPending(false);
            return setError(res.error);
          }
          router.replace("/overview");
          router.refresh();
        }}
      >
        {pending ? "Joining…" : `Join ${orgName}`}
      </Button>
    </div>
  );
}
