import { parseImage } from "../../helpers/images";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

// "tiller" as a name part (tiller-deploy, app-run-tiller-x), not inside a word (distiller).
const TILLER = /(^|[^a-z])tiller([^a-z]|$)/i;

export const tillerDeployed = defineRule({
  id: "tiller-deployed",
  title: "Helm v2 Tiller deployed",
  category: "images",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  description:
    "Tiller, Helm v2's in-cluster server, is unmaintained since 2020 and typically runs with cluster-admin behind an unauthenticated gRPC port: any pod that can reach it can take over the cluster.",
  remediation: "Migrate releases to Helm 3 (no in-cluster component) and delete the Tiller deployment and its ServiceAccount binding.",
  references: ["https://helm.sh/docs/topics/v2_v3_migration/"],
  peers: { trivy: ["KSV-0102"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const name = ref.object.metadata.name ?? "";
      const tmplName = ref.metaPath === "metadata" ? "" : ((ref.object as any).spec?.template?.metadata?.name ?? "");
      if (TILLER.test(name)) {
        yield { object: ref.object, path: "metadata.name", observed: name, message: `Workload "${name}" looks like Helm v2 Tiller.` };
        continue;
      }
      if (typeof tmplName === "string" && TILLER.test(tmplName)) {
        yield { object: ref.object, path: `${ref.metaPath}.name`, observed: tmplName, message: `Pod template named "${tmplName}" looks like Helm v2 Tiller.` };
        continue;
      }
      if (ref.meta.labels.app === "helm") {
        yield { object: ref.object, path: `${ref.metaPath}.labels.app`, observed: "helm", message: `Pods labelled app=helm are Helm v2 Tiller's.` };
        continue;
      }
      for (const c of containers(ref)) {
        const image = c.container.image;
        if (typeof image !== "string") continue;
        const repo = parseImage(image).repository.toLowerCase();
        const last = repo.slice(repo.lastIndexOf("/") + 1);
        if (last !== "tiller") continue;
        yield { object: ref.object, path: `${c.path}.image`, observed: image, message: `Container "${c.container.name ?? "?"}" runs the Tiller image ${image}.` };
        break;
      }
    }
  },
});
