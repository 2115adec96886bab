"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Select } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { ROLES, type TRole } from "@/modules/auth/permissions";
import { changeRoleAction, removeMemberAction, revokeInviteAction } from "../server/actions";

export function RoleSelect({ userId, role, label, disabled, allowOwner }: { userId: string; role: TRole; label: string; disabled: boolean; allowOwner: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState(role);
  const [pending, start] = useTransition();
  return (
    <>
      <label htmlFor={`role-${userId}`} className="sr-only">Role of {label}</label>
      <div className="w-28">
      <Select
        id={`role-${userId}`}
        value={value}
        disabled={disabled || pending}
        className="h-8 py-0 text-xs"
        onChange={(e) => {
          const next = e.target.value as TRole;
          const prev = value;
          setValue(next);
          start(async () => {
            const res = await changeRoleAction({ userId, role: next });
            if (!res.ok) {
              setValue(prev);
              toast.show({ tone: "error", title: "Role not changed", body: res.error });
            } else {
              toast.show({
                tone: "success",
                title: `${label} is now ${next}`,
                action: { label: "Undo", onClick: () => start(async () => { const r = await changeRoleAction({ userId, role: prev }); if (r.ok) setValue(prev); router.refresh(); }) },
              });
            }
            router.refresh();
          });
        }}
      >
        {ROLES.filter((r) => allowOwner || r !== "owner" || role === "owner").map((r) => <option key={r} value={r}>{r}</option>)}
      </Select>
      </div>
    </>
  );
}

/**
 * A row action: runs the server action in a transition, toasts its outcome and refreshes the
 * page's data either way (the row may be gone or changed by someone else).
 */
function useRowAction() {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const run = (action: () => Promise<{ ok: true } | { ok: false; error: string }>, titles: { done: string; failed: string }) =>
    start(async () => {
      const res = await action();
      toast.show(res.ok ? { tone: "success", title: titles.done } : { tone: "error", title: titles.failed, body: res.error });
      router.refresh();
    });
  return { pending, run };
}

export function RemoveMember({ userId, label }: { userId: string; label: string }) {
  const { pending, run } = useRowAction();
  return (
    <Button
      size="sm"
      variant="ghost"
      className="text-red-700"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(`Remove ${label} from this organization? They lose access immediately.`)) return;
        run(() => removeMemberAction({ userId }), { done: `Removed ${label}`, failed: "Not removed" });
      }}
    >
      <Trash2 className="size-3.5 sm:hidden" aria-hidden />
      <span className="sr-only sm:not-sr-only">Remove</span>
      <span className="sr-only"> {label}</span>
    </Button>
  );
}

export function RevokeInvite({ inviteId }: { inviteId: string }) {
  const { pending, run } = useRowAction();
  return (
    <Button size="sm" variant="ghost" disabled={pending} onClick={() => run(() => revokeInviteAction({ inviteId }), { done: "Invite revoked", failed: "Not revoked" })}>
      Revoke
    </Button>
  );
}
