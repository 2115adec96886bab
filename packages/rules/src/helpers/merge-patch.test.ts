import { describe, expect, it } from "vitest";
import { mergePatchFix } from "./merge-patch";

describe("mergePatchFix", () => {
  it("nests the value under the dotted path", () => {
    expect(mergePatchFix("spec.template.spec.automountServiceAccountToken", false)?.content).toBe(
      '{"spec":{"template":{"spec":{"automountServiceAccountToken":false}}}}',
    );
    expect(mergePatchFix("spec.replicas", 2)?.content).toBe('{"spec":{"replicas":2}}');
    expect(mergePatchFix("spec.replicas", "2")?.content).toBe('{"spec":{"replicas":"2"}}');
  });
  it("refuses paths through arrays", () => {
    expect(mergePatchFix("spec.containers[0].imagePullPolicy", "Always")).toBeUndefined();
  });
});
