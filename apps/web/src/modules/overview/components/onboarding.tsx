// Empty state: the two ways to connect a cluster, and a way to try Bulwark without one.
import Link from "next/link";
import { FileCode2, KeyRound, ShieldCheck } from "lucide-react";

const ways = [
  {
    href: "/clusters/new?method=kubeconfig",
    icon: KeyRound,
    title: "Upload a kubeconfig",
    body: "Paste or upload an existing kubeconfig and pick a context. Bulwark refuses exec plugins and file references, then encrypts it.",
  },
  {
    href: "/clusters/new?method=manifest",
    icon: ShieldCheck,
    title: "Create a read-only scanner",
    body: "Recommended. Apply a ServiceAccount with get/list/watch only, then upload the kubeconfig its token produces.",
  },
];

export function Onboarding({ canManage }: { canManage: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10">
      <div className="mx-auto max-w-2xl text-center">
        <h2 className="text-base font-semibold text-zinc-900">Add your first cluster</h2>
        <p className="mt-1 text-sm text-zinc-500">
          Bulwark reads your cluster's objects through the Kubernetes API, checks them against security rules mapped to CIS,
          NSA/CISA and Pod Security Standards, and keeps the results here.
        </p>
      </div>
      {canManage ? (
        <div className="mx-auto mt-8 grid max-w-3xl gap-4 sm:grid-cols-2">
          {ways.map((w) => (
            <Link key={w.href} href={w.href} className="group rounded-lg border border-zinc-200 p-4 transition hover:border-indigo-300 hover:shadow-sm">
              <w.icon className="size-5 text-indigo-600" aria-hidden />
              <div className="mt-3 text-sm font-medium text-zinc-900 group-hover:text-indigo-700">{w.title}</div>
              <p className="mt-1 text-sm text-zinc-500">{w.body}</p>
            </Link>
          ))}
        </div>
      ) : (
        <p className="mt-6 text-center text-sm text-zinc-500">Ask an admin of this organization to add a cluster.</p>
      )}
      <p className="mt-8 text-center text-sm text-zinc-500">
        <FileCode2 className="mr-1 inline size-4 align-[-3px] text-zinc-500" aria-hidden />
        No cluster at hand? <Link href="/scan-yaml" className="font-medium text-indigo-700 underline-offset-4 hover:underline">Scan YAML manifests</Link> with the same rules.
      </p>
    </div>
  );
}
