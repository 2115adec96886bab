"use client";
// Renaming a cluster (admins): the name is checked as you type with the same schema the server
// uses; a name another cluster of the organization has comes back as an error next to the field.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZRenameCluster } from "../clusters.schemas";
import { renameClusterAction } from "../server/actions";

export function RenameCluster({ clusterId, name }: { clusterId: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [value, setValue] = useState(name);
  const [saved, setSaved] = useState(name);
  const [serverError, setServerError] = useState<string>();
  const parsed = ZRenameCluster.safeParse({ clusterId, name: value });
  const error = serverError ?? (parsed.success ? undefined : fieldErrorsFromZod(parsed.error).name);
  const unchanged = parsed.success && parsed.data.name === saved;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!parsed.success || unchanged) return;
    start(async () => {
      const res = await renameClusterAction({ clusterId, name: value });
      if (!res.ok) return setServerError(res.fieldErrors?.name ?? res.error);
      setSaved(res.data.name);
      setValue(res.data.name);
      toast.show({ tone: "success", title: `Renamed to ${res.data.name}`, body: "Findings, risks, exceptions and schedules keep applying: they refer to the cluster, not its name." });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-2" noValidate>
      <Field id="cluster-name" label="Cluster name" hint="Unique in the organization. Letters, digits, spaces, dots, dashes and underscores." error={error} className="min-w-0 flex-1">
        <Input
          id="cluster-name"
          value={value}
          maxLength={63}
          autoComplete="off"
          onChange={(e) => { setValue(e.target.value); setServerError(undefined); }}
          {...describedBy("cluster-name", error, true)}
        />
      </Field>
      <Button type="submit" variant="secondary" className="mt-7" disabled={pending || !parsed.success || unchanged}>{pending ? "Saving…" : "Rename"}</Button>
    </form>
  );
}
