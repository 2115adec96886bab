import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";

const SSH_PORTS = new Set([22, 2222]);

export const sshPortExposed = defineRule({
  id: "ssh-port-exposed",
  title: "SSH port exposed",
  category: "images",
  severity: "low",
  kinds: [...WORKLOAD_KINDS, "Service"],
  description:
    "A container or Service exposing SSH (22/2222) means an SSH daemon runs in the pod: a remote shell that bypasses Kubernetes RBAC and audit logging, and a brute-force target.",
  remediation: "Remove the SSH server from the image; use kubectl exec (RBAC-controlled and audited) for debugging.",
  references: ["https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/"],
  peers: { kubescape: ["C-0042"], kubeLinter: ["ssh-port"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const c of containers(ref, { ephemeral: false })) {
        const ports = c.container.ports;
        if (!Array.isArray(ports)) continue;
        for (let i = 0; i < ports.length; i++) {
          const p = ports[i];
          if (!p || !SSH_PORTS.has(Number(p.containerPort)) || (p.protocol && p.protocol !== "TCP")) continue;
          yield {
            object: ref.object,
            path: `${c.path}.ports[${i}].containerPort`,
            observed: String(p.containerPort),
            message: `Container "${c.container.name ?? "?"}" exposes SSH port ${p.containerPort}.`,
          };
        }
      }
    }
    for (const svc of ctx.index.byKind("Service")) {
      const ports = (svc as any).spec?.ports;
      if (!Array.isArray(ports)) continue;
      for (let i = 0; i < ports.length; i++) {
        const p = ports[i];
        if (!p || (p.protocol && p.protocol !== "TCP")) continue;
        const target = p.targetPort ?? p.port;
        if (SSH_PORTS.has(Number(p.port)) || SSH_PORTS.has(Number(target))) {
          yield {
            object: svc,
            path: `spec.ports[${i}]`,
            observed: String(p.port),
            message: `Service "${svc.metadata.name}" exposes SSH (port ${p.port} -> ${target}).`,
          };
        }
      }
    }
  },
});
