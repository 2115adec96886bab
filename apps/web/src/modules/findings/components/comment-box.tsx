"use client";
// A comment joins the finding's or risk's history (and the audit trail records that one was made).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { describedBy, Textarea } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { ZCommentBody } from "@/modules/findings/findings.schemas";
import { commentOnTarget, type TWorkTarget } from "./work-target";

export function CommentBox({ target }: { target: TWorkTarget }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZCommentBody.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    start(async () => {
      const res = await commentOnTarget(target, body);
      if (!res.ok) {
        setError(res.fieldErrors?.body ?? res.error);
        return;
      }
      setBody("");
      toast.show({ tone: "success", title: "Comment added" });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor="comment" className="sr-only">Add a comment</label>
      <Textarea
        id="comment"
        rows={3}
        value={body}
        placeholder="Add a comment: what was tried, who is on it, links…"
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => { if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e); }}
        className="font-sans text-sm"
        {...describedBy("comment", error)}
      />
      {error && <p id="comment-error" className="text-xs text-red-700">{error}</p>}
      <div className="flex items-center justify-between">
        <span className="text-xs text-zinc-500">Ctrl+Enter to send</span>
        <Button type="submit" size="sm" variant="primary" disabled={pending || !body.trim()}>Comment</Button>
      </div>
    </form>
  );
}
