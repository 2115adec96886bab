import { defineRule } from "../../helpers/pod";

export const jobTtlMissing = defineRule({
  id: "job-ttl-missing",
  title: "Standalone Job without ttlSecondsAfterFinished",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: ["Job"],
  description:
    "Finished Jobs and their pods stay in the cluster until someone deletes them, piling up objects in etcd and keeping old pod specs (and their secrets references) around. CronJob-owned Jobs are cleaned up by history limits instead.",
  remediation: "Set spec.ttlSecondsAfterFinished on the Job (e.g. 3600).",
  references: ["https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/"],
  peers: { kubeLinter: ["job-ttl-seconds-after-finished"] },
  *evaluate(ctx) {
    for (const job of ctx.index.byKind("Job")) {
      if ((job.metadata.ownerReferences ?? []).some((o) => o && o.kind === "CronJob")) continue;
      if (typeof (job as any).spec?.ttlSecondsAfterFinished === "number") continue;
      yield {
        object: job,
        path: "spec.ttlSecondsAfterFinished",
        message: `Job "${job.metadata.name}" is never cleaned up after it finishes.`,
        fix: { type: "merge-patch", content: '{"spec":{"ttlSecondsAfterFinished":3600}}' },
      };
    }
  },
});
