// The fix must be one the API server accepts: it refuses allowPrivilegeEscalation: false beside
// privileged: true or an added CAP_SYS_ADMIN (validation of the container's securityContext).
import { describe, expect, it } from "vitest";
import { evaluate } from "../../engine/evaluate";
import type { KubeObject } from "../../types";

const pod = (sc: Record<string, unknown>): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", namespace: "n" },
  spec: { containers: [{ name: "c", image: "i:1", securityContext: sc }] },
});

const fixOf = (sc: Record<string, unknown>) =>
  evaluate({ source: "manifests", objects: [pod(sc)], kinds: [], kindsComplete: false }, { onlyRules: ["allow-privilege-escalation"] }).findings[0]?.fix?.content ?? "";

describe("allow-privilege-escalation fix", () => {
  it("takes privileged away with it on a privileged container", () => {
    expect(fixOf({ privileged: true })).toMatch(/privileged: false\n\s+allowPrivilegeEscalation: false/);
  });
  it("drops capabilities beside it when SYS_ADMIN is added", () => {
    expect(fixOf({ capabilities: { add: ["SYS_ADMIN"] } })).toMatch(/drop: \[ALL\][\s\S]*allowPrivilegeEscalation: false/);
  });
  it("is the plain setting otherwise", () => {
    expect(fixOf({})).toBe("# spec.containers[0]\nsecurityContext:\n  allowPrivilegeEscalation: false\n");
  });
});
