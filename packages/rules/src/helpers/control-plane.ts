// Shared machinery of the control-plane flag rules (CIS section 1 and 2), judged from the command
// lines of the static pods of kube-apiserver, etcd, kube-controller-manager and kube-scheduler:
// finding those pods, parsing their flags, the check builders, and controlPlaneRule(), which turns
// a rule file's metadata and check into a rule. Managed clusters (EKS/GKE/AKS) hide these pods: the
// rules then report "not evaluated", never "passed".
import type { KubeObject, RawFinding, Rule, RuleContext, RuleMeta, SnapshotIndex } from "../types";
import { defineRule } from "./pod";

export type Component = "kube-apiserver" | "etcd" | "kube-controller-manager" | "kube-scheduler";

export const NOT_VISIBLE = "control plane not visible (managed cluster?)";

export interface FlagValue {
  value: string;
  /** Exact path of the token that set it, e.g. spec.containers[0].command[4] */
  path: string;
}

/** Flags of one component container: last occurrence wins, as the binaries parse them. */
export interface ComponentInstance {
  pod: KubeObject;
  component: Component;
  /** Path of the container, e.g. spec.containers[0] */
  containerPath: string;
  flags: Map<string, FlagValue>;
}

function basename(s: string): string {
  const i = s.lastIndexOf("/");
  return i >= 0 ? s.slice(i + 1) : s;
}

const COMPONENTS: readonly Component[] = ["kube-apiserver", "etcd", "kube-controller-manager", "kube-scheduler"];

function componentOf(pod: KubeObject, container: any): Component | undefined {
  const cmd: unknown[] = Array.isArray(container?.command) ? container.command : [];
  const first = typeof cmd[0] === "string" ? (cmd[0] as string) : undefined;
  if (first && !first.startsWith("-")) {
    // A named binary decides: a pod labelled kube-apiserver that runs something else is not one.
    const b = basename(first);
    return (COMPONENTS as readonly string[]).includes(b) ? (b as Component) : undefined;
  }
  // Flags only (the image's entrypoint is the binary): trust the static-pod label, then the image.
  const label = pod.metadata?.labels?.component;
  if (label && (COMPONENTS as readonly string[]).includes(label)) return label as Component;
  const image = typeof container?.image === "string" ? basename(container.image.split("@")[0]!.split(":")[0]!) : "";
  return (COMPONENTS as readonly string[]).includes(image) ? (image as Component) : undefined;
}

function parseFlags(container: any, containerPath: string): Map<string, FlagValue> {
  const flags = new Map<string, FlagValue>();
  for (const field of ["command", "args"] as const) {
    const list: unknown[] = Array.isArray(container?.[field]) ? container[field] : [];
    for (let i = 0; i < list.length; i++) {
      const tok = list[i];
      if (typeof tok !== "string" || !tok.startsWith("--")) continue;
      const path = `${containerPath}.${field}[${i}]`;
      const eq = tok.indexOf("=");
      if (eq > 0) {
        flags.set(tok.slice(2, eq), { value: tok.slice(eq + 1), path });
        continue;
      }
      const next = list[i + 1];
      if (typeof next === "string" && !next.startsWith("-")) {
        flags.set(tok.slice(2), { value: next, path });
        i++;
      } else flags.set(tok.slice(2), { value: "true", path });
    }
  }
  return flags;
}

const cache = new WeakMap<SnapshotIndex, ComponentInstance[]>();

/** Every control-plane component container visible in the snapshot. */
export function controlPlaneInstances(ctx: RuleContext): readonly ComponentInstance[] {
  const hit = cache.get(ctx.index);
  if (hit) return hit;
  const out: ComponentInstance[] = [];
  for (const pod of ctx.index.byKind("Pod")) {
    const cs = (pod as any).spec?.containers;
    if (!Array.isArray(cs)) continue;
    for (let i = 0; i < cs.length; i++) {
      const component = componentOf(pod, cs[i]);
      if (!component) continue;
      const containerPath = `spec.containers[${i}]`;
      out.push({ pod, component, containerPath, flags: parseFlags(cs[i], containerPath) });
    }
  }
  cache.set(ctx.index, out);
  return out;
}

export interface Problem {
  path: string;
  observed?: string;
  message: string;
}

/** Judges one component container; undefined when it passes. */
export type FlagCheck = (inst: ComponentInstance) => Problem | undefined;

/** Items of a comma-separated flag value. */
export function flagList(v: string | undefined): string[] {
  return v ? v.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

/** The problem of a required flag that is absent, reported at the container's command. */
export const flagNotSet = (inst: ComponentInstance, flag: string, msg: string): Problem => ({
  path: `${inst.containerPath}.command`,
  message: `${inst.component}: --${flag} is not set; ${msg}`,
});

/** The flag must have this value; `def` is the binary's default when unset. */
export function mustEqual(flag: string, expected: string, def: string | undefined, why: string): FlagCheck {
  return (inst) => {
    const f = inst.flags.get(flag);
    const v = f?.value ?? def;
    if (v !== undefined && v.toLowerCase() === expected.toLowerCase()) return undefined;
    if (!f) return flagNotSet(inst, flag, `${why} (set --${flag}=${expected})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value}; ${why}` };
  };
}

/** The flag must not have this value. */
export function mustNotEqual(flag: string, bad: string, why: string): FlagCheck {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f || f.value.toLowerCase() !== bad.toLowerCase()) return undefined;
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value}; ${why}` };
  };
}

/** Every flag must be set (non-empty). */
export function mustBeSet(flags: string[], why: string): FlagCheck {
  return (inst) => {
    const absent = flags.filter((fl) => !inst.flags.get(fl)?.value);
    if (absent.length === 0) return undefined;
    return {
      path: `${inst.containerPath}.command`,
      observed: flags.filter((fl) => !absent.includes(fl)).map((fl) => `--${fl}`).join(" ") || undefined,
      message: `${inst.component}: ${absent.map((a) => `--${a}`).join(" and ")} not set; ${why}`,
    };
  };
}

export function mustNotBeSet(flag: string, why: string): FlagCheck {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f) return undefined;
    return { path: f.path, observed: `--${flag}`, message: `${inst.component}: --${flag} is set; ${why}` };
  };
}

/** A positive integer must be set. */
export function mustBePositive(flag: string, recommended: number, why: string): FlagCheck {
  return (inst) => {
    const f = inst.flags.get(flag);
    if (!f) return flagNotSet(inst, flag, `${why} (e.g. --${flag}=${recommended})`);
    const n = Number(f.value);
    if (Number.isInteger(n) && n > 0) return undefined;
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag}=${f.value} is not a positive number; ${why}` };
  };
}

/** A comma list flag must (or must not) contain an item; `defaults` apply when the flag is unset. */
export function listIncludes(flag: string, item: string, defaults: string[], why: string): FlagCheck {
  return (inst) => {
    const f = inst.flags.get(flag);
    const items = f ? flagList(f.value) : defaults;
    if (items.includes(item)) return undefined;
    if (!f) return flagNotSet(inst, flag, `${why} (include ${item})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag} does not include ${item}; ${why}` };
  };
}

export function listExcludes(flag: string, item: string, defaults: string[], why: string): FlagCheck {
  return (inst) => {
    const f = inst.flags.get(flag);
    const items = f ? flagList(f.value) : defaults;
    if (!items.includes(item)) return undefined;
    if (!f) return flagNotSet(inst, flag, `${why} (the default includes ${item})`);
    return { path: f.path, observed: `--${flag}=${f.value}`, message: `${inst.component}: --${flag} includes ${item}; ${why}` };
  };
}

/** A feature gate must not be explicitly disabled. */
export function featureGateNotFalse(gate: string, why: string): FlagCheck {
  return (inst) => {
    const f = inst.flags.get("feature-gates");
    if (!f) return undefined;
    for (const kv of flagList(f.value)) {
      const [k, v] = kv.split("=");
      if (k === gate && v?.trim().toLowerCase() === "false") {
        return { path: f.path, observed: `--feature-gates=${f.value}`, message: `${inst.component}: feature gate ${gate}=false; ${why}` };
      }
    }
    return undefined;
  };
}

/** Structured authorization config (1.29+) replaces --authorization-mode; the flags then say nothing. */
export function unlessAuthzConfig(check: FlagCheck): FlagCheck {
  return (inst) => (inst.flags.has("authorization-config") ? undefined : check(inst));
}

/** A control-plane rule: its own metadata, the component it judges and the check of one container. */
export interface ControlPlaneRuleSpec extends Omit<RuleMeta, "kinds"> {
  component: Component;
  check: FlagCheck;
}

/**
 * Runs `check` on every container of `component`; not evaluated when no such pod is visible
 * (managed control plane), never "passed".
 */
export function controlPlaneRule({ component, check, ...meta }: ControlPlaneRuleSpec): Rule {
  return defineRule({
    ...meta,
    kinds: ["Pod"],
    notEvaluable(ctx) {
      for (const inst of controlPlaneInstances(ctx)) if (inst.component === component) return undefined;
      return `${NOT_VISIBLE}: no ${component} pod`;
    },
    *evaluate(ctx: RuleContext): Iterable<RawFinding> {
      for (const inst of controlPlaneInstances(ctx)) {
        if (inst.component !== component) continue;
        const p = check(inst);
        if (p) yield { object: inst.pod, path: p.path, observed: p.observed, message: p.message };
      }
    },
  });
}
