// Table-driven who-can fixtures (fixtures/*.yaml): each file holds a snapshot's objects and the
// answers the Kubernetes RBAC documentation gives for it.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { KubeObject } from "../types";
import { buildAccessModel, grantAllows, subjectGrants, whoCan, type AccessQuery, type GrantVia, type StaleItem, type SubjectRef } from "../index";

const dir = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

interface Fixture {
  description: string;
  objects: KubeObject[];
  whoCan?: Array<{ ask: AccessQuery; expect: Record<string, string[]> }>;
  subjects?: Record<string, { capabilities?: string[]; privilege?: string; builtIn?: boolean; exists?: boolean; workloads?: string[] }>;
  subjectGrants?: Record<string, string[]>;
  ruleSources?: Array<{ binding: string; source: string }>;
  stale?: string[];
  manifestStale?: string[];
  staleAbsent?: string[];
}

export function subjectId(s: SubjectRef): string {
  return s.kind === "ServiceAccount" ? `ServiceAccount/${s.namespace}/${s.name}` : `${s.kind}/${s.name}`;
}

function parseSubject(id: string): SubjectRef {
  const [kind, a, b] = id.split("/") as [SubjectRef["kind"], string, string | undefined];
  return kind === "ServiceAccount" ? { kind, namespace: a, name: b! } : { kind, name: a };
}

function bindingId(v: Pick<GrantVia, "bindingKind" | "bindingNamespace" | "binding">): string {
  return v.bindingKind === "RoleBinding" ? `RoleBinding/${v.bindingNamespace}/${v.binding}` : `ClusterRoleBinding/${v.binding}`;
}

function staleId(s: StaleItem): string {
  const o = s.object;
  return `${s.kind} ${o.kind}/${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
}

const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();

describe("access fixtures", () => {
  it("has the fixtures the brief lists", () => {
    expect(files).toEqual(expect.arrayContaining(["aggregation.yaml", "cluster-admin.yaml", "non-resource.yaml", "resource-names.yaml", "rolebinding-scope.yaml", "stale.yaml", "subresources.yaml", "system-groups.yaml", "wildcards.yaml"]));
  });

  for (const file of files) {
    const fx = parse(readFileSync(join(dir, file), "utf8")) as Fixture;
    describe(file, () => {
      const model = buildAccessModel(fx.objects);

      for (const [i, c] of (fx.whoCan ?? []).entries()) {
        it(`who-can #${i + 1}: ${JSON.stringify(c.ask)}`, () => {
          const answer = whoCan(model.grants, c.ask);
          const got: Record<string, string[]> = {};
          for (const s of answer) got[subjectId(s)] = [...new Set(s.via.map(bindingId))].sort();
          const want: Record<string, string[]> = {};
          for (const [k, v] of Object.entries(c.expect ?? {})) want[k] = [...v].sort();
          expect(got).toEqual(want);
          // sorted by kind, namespace, name; every via allows the request on its own
          const order = answer.map((s) => [s.kind, s.namespace ?? "", s.name].join("\u0000"));
          expect(order).toEqual([...order].sort());
          for (const s of answer) for (const v of s.via) expect(grantAllows(v, c.ask)).toBe(true);
        });
      }

      if (fx.subjects) {
        it("subjects: capabilities, privilege, workloads", () => {
          for (const [id, want] of Object.entries(fx.subjects!)) {
            const s = model.subjects.find((x) => subjectId(x.ref) === id);
            expect(s, id).toBeDefined();
            if (want.capabilities) expect(s!.capabilities.map((c) => (c.scope ? `${c.id}@${c.scope}` : c.id)), id).toEqual(want.capabilities);
            if (want.privilege !== undefined) expect(s!.privilege, id).toBe(want.privilege);
            if (want.builtIn !== undefined) expect(s!.builtIn, id).toBe(want.builtIn);
            if (want.exists !== undefined) expect(s!.exists, id).toBe(want.exists);
            if (want.workloads) expect(s!.workloads.map((w) => `${w.kind}/${w.namespace}/${w.name}`), id).toEqual(want.workloads);
          }
        });
      }

      if (fx.subjectGrants) {
        it("subjectGrants: own grants and those of implicit groups", () => {
          for (const [id, want] of Object.entries(fx.subjectGrants!)) {
            const got = subjectGrants(model.grants, parseSubject(id)).map((v) => bindingId(v) + (v.viaGroup ? ` via ${v.viaGroup}` : ""));
            expect([...new Set(got)].sort(), id).toEqual([...want].sort());
          }
        });
      }

      if (fx.ruleSources) {
        it("aggregated rules name the ClusterRole they come from", () => {
          for (const { binding, source } of fx.ruleSources!) {
            const hits = model.grants.filter((g) => bindingId({ bindingKind: g.bindingKind, bindingNamespace: g.bindingNamespace, binding: g.bindingName }) === binding);
            expect(hits.map((g) => g.ruleSource), binding).toContain(source);
          }
        });
      }

      if (fx.stale) {
        it("stale items (whole cluster)", () => {
          expect(model.stale.map(staleId).sort()).toEqual([...fx.stale!].sort());
          for (const s of model.stale) expect(s.detail).toMatch(/^[A-Z].*\.$/);
        });
      }
      if (fx.manifestStale) {
        it("stale items (manifest set: absence proves nothing)", () => {
          expect(buildAccessModel(fx.objects, { complete: false }).stale.map(staleId).sort()).toEqual([...fx.manifestStale!].sort());
        });
      }
      if (fx.staleAbsent) {
        it("not stale", () => {
          const got = new Set(model.stale.map(staleId));
          for (const s of fx.staleAbsent!) expect(got.has(s), s).toBe(false);
        });
      }
    });
  }
});
