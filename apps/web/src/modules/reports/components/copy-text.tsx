"use client";
// A "Copy" button for a value shown on the page (the signing public key).
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/modules/ui/components/button";

export function CopyText({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button size="sm" onClick={async () => { await navigator.clipboard.writeText(text); setCopied(true); }}>
      {copied ? <Check className="size-3.5 text-green-600" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {copied ? "Copied" : label}
    </Button>
  );
}
