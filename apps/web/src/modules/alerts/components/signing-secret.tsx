"use client";
// A webhook's signing secret, shown once right after it was made (alert channels, report schedules).
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Input } from "@/modules/ui/components/form";

export function SigningSecretOnce({ id, secret, lead = "Signing secret" }: { id: string; secret: string; lead?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <p className="mt-1 text-xs text-green-900/80">
        {lead}: copy it now, it is shown only once. Verify each request with HMAC-SHA256 over <code className="font-mono">{"${X-Bulwark-Timestamp}.${body}"}</code>.
      </p>
      <div className="mt-2 flex gap-2">
        <label htmlFor={id} className="sr-only">Signing secret</label>
        <Input id={id} readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button onClick={async () => { await navigator.clipboard.writeText(secret); setCopied(true); }}>
          {copied ? <Check className="size-4 text-green-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}{copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </>
  );
}
