import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

const SUDO = /(^|[\s;&|/'"(])sudo(\s|$)/;

export const sudoInCommand = defineRule({
  id: "sudo-in-command",
  title: "sudo in container command",
  category: "images",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "A container entrypoint that calls sudo needs an image with sudo and a user allowed to use it: the process can become root whenever it likes, defeating runAsNonRoot-style hardening.",
  remediation: "Do the privileged setup at image build time or in an init container, and run the main process without sudo.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { kubescape: ["C-0062"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref)) {
        for (const field of ["command", "args"] as const) {
          const arr = c.container[field];
          if (!Array.isArray(arr)) continue;
          const i = arr.findIndex((a: unknown) => typeof a === "string" && a.includes("sudo") && SUDO.test(a));
          if (i < 0) continue;
          yield {
            object: ref.object,
            path: `${c.path}.${field}[${i}]`,
            observed: "sudo",
            message: `Container "${c.container.name ?? "?"}" runs sudo in its ${field}.`,
          };
          break;
        }
      }
    }
  },
});
