// Which vulnerability report describes a workload's container, as it runs now.
//
// 1. In-cluster reports (Trivy Operator, PolicyReports) name the workload their producer scanned:
//    that object is mapped to its top controller (a ReplicaSet's report belongs to its Deployment),
//    and the report applies only while it describes the container's current image (same digest, or
//    same repository and tag): after a rollout, the old ReplicaSet's report is kept by the operator
//    but no longer says anything about what runs. Match "producer".
// 2. Imported documents (snapshot.vulnerabilityReports) by digest: the reference's own, or what the
//    workload's pods report in status.containerStatuses[].imageID. Match "digest".
// 3. Imports by repository:tag when no digest matched, unless both sides name a digest and they
//    differ (the import then describes another build of the tag). Match "tag", lower confidence.
// Among several candidates: producer > digest > tag, then the newest scan.
import { allPodSpecs, WORKLOAD_KINDS, type ContainerRef, type PodSpecRef } from "../helpers/pod";
import type { KubeObject, RuleContext, SnapshotIndex } from "../types";
import { digestOfImageID, imageKeyOf, sameTag } from "./image-key";
import { inClusterSecretReports, inClusterVulnReports, SECRET_REPORT_KINDS, VULN_REPORT_KINDS, type SecretReport } from "./in-cluster";
import type { ImageKey, VulnMatch, VulnReport } from "./types";

const WORKLOAD = new Set(WORKLOAD_KINDS);
const STATUS_LISTS = ["containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"] as const;
const SPEC_LISTS = ["containers", "initContainers", "ephemeralContainers"] as const;

/** What a report must say to be placed: the image, and the workload an in-cluster producer named. */
interface Placed {
  image: ImageKey;
  target?: VulnReport["target"];
  updatedAt?: string;
}

/** An image key for comparison: a reference with neither tag nor digest pulls "latest". */
export function comparableKey(key: ImageKey): ImageKey {
  return key.tag || key.digest ? key : { ...key, tag: "latest" };
}

function isObj(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Whether a pod's container runs the pod template's image: the same reference, or the same
 * repository where an admission webhook pinned the tag to a digest ("nginx:1.21" -> "nginx:1.21@sha256:...").
 */
function sameImage(template: string, pod: string): boolean {
  if (template === pod) return true;
  const a = imageKeyOf(template);
  const b = imageKeyOf(pod);
  if (a.registry !== b.registry || a.repository !== b.repository) return false;
  if (a.digest) return a.digest === b.digest;
  const at = a.tag ?? "latest";
  return b.tag ? b.tag === at : !!b.digest;
}

interface MatchIndex {
  tops: Map<KubeObject, PodSpecRef>;
  /** top object -> container name -> digests its pods run for the current image */
  digests: Map<KubeObject, Map<string, Set<string>>>;
  vulns?: Map<KubeObject, VulnReport[]>;
  secrets?: Map<KubeObject, SecretReport[]>;
  importsByDigest?: Map<string, VulnReport[]>;
  importsByTag?: Map<string, VulnReport[]>;
}

const cache = new WeakMap<SnapshotIndex, MatchIndex>();

function matchIndex(ctx: RuleContext): MatchIndex {
  let m = cache.get(ctx.index);
  if (m) return m;
  const tops = new Map<KubeObject, PodSpecRef>();
  for (const ref of allPodSpecs(ctx)) tops.set(ref.object, ref);
  m = { tops, digests: new Map() };
  cache.set(ctx.index, m);
  for (const pod of ctx.index.byKind("Pod")) {
    const top = topOf(ctx.index, tops, pod);
    if (!top) continue;
    const current = new Map<string, string>();
    for (const c of containersOf(top.spec)) current.set(c.name, c.image);
    let perContainer = m.digests.get(top.object);
    for (const list of STATUS_LISTS) {
      const statuses = (pod as any).status?.[list];
      if (!Array.isArray(statuses)) continue;
      for (const st of statuses) {
        if (!isObj(st) || typeof st.name !== "string") continue;
        const digest = digestOfImageID(st.imageID);
        const want = current.get(st.name);
        const runs = containersOf((pod as any).spec).find((c) => c.name === st.name)?.image;
        if (!digest || !want || !runs || !sameImage(want, runs)) continue;
        if (!perContainer) m.digests.set(top.object, (perContainer = new Map()));
        let set = perContainer.get(st.name);
        if (!set) perContainer.set(st.name, (set = new Set()));
        set.add(digest);
      }
    }
  }
  return m;
}

function containersOf(spec: unknown): Array<{ name: string; image: string }> {
  const out: Array<{ name: string; image: string }> = [];
  if (!isObj(spec)) return out;
  for (const list of SPEC_LISTS) {
    const arr = spec[list];
    if (!Array.isArray(arr)) continue;
    for (const c of arr) if (isObj(c) && typeof c.name === "string" && typeof c.image === "string") out.push({ name: c.name, image: c.image });
  }
  return out;
}

/** The pod spec `obj` is judged under: itself when it is one, else its controllers' up the chain. */
function topOf(index: SnapshotIndex, tops: Map<KubeObject, PodSpecRef>, obj: KubeObject): PodSpecRef | undefined {
  let cur: KubeObject | undefined = obj;
  for (let depth = 0; cur && depth < 6; depth++) {
    const top = tops.get(cur);
    if (top) return top;
    const refs: unknown = cur.metadata?.ownerReferences;
    if (!Array.isArray(refs)) return undefined;
    const owner = refs.find((r) => isObj(r) && r.controller === true && WORKLOAD.has(r.kind) && typeof r.name === "string");
    if (!owner) return undefined;
    const next = index.byName(owner.kind, cur.metadata?.namespace, owner.name);
    if (!next || (owner.uid && next.metadata?.uid && next.metadata.uid !== owner.uid)) return undefined;
    cur = next;
  }
  return undefined;
}

/** The top pod spec an in-cluster report's producer target belongs to. */
function targetTop(ctx: RuleContext, tops: Map<KubeObject, PodSpecRef>, target: VulnReport["target"]): PodSpecRef | undefined {
  if (!target || !WORKLOAD.has(target.kind)) return undefined;
  const obj = ctx.index.byName(target.kind, target.namespace, target.name);
  if (!obj) return undefined;
  // A workload recreated under the same name is another object: its predecessor's report is not its own.
  if (target.uid && obj.metadata?.uid && obj.metadata.uid !== target.uid) return undefined;
  return topOf(ctx.index, tops, obj);
}

function byTop<R extends Placed>(ctx: RuleContext, m: MatchIndex, reports: readonly R[]): Map<KubeObject, R[]> {
  const out = new Map<KubeObject, R[]>();
  for (const r of reports) {
    const top = targetTop(ctx, m.tops, r.target);
    if (!top) continue;
    const l = out.get(top.object);
    if (l) l.push(r);
    else out.set(top.object, [r]);
  }
  return out;
}

function tagKey(k: ImageKey): string | undefined {
  return k.tag ? `${k.registry}/${k.repository}:${k.tag}` : undefined;
}

function importIndexes(ctx: RuleContext, m: MatchIndex): { byDigest: Map<string, VulnReport[]>; byTag: Map<string, VulnReport[]> } {
  if (!m.importsByDigest || !m.importsByTag) {
    m.importsByDigest = new Map();
    m.importsByTag = new Map();
    for (const r of ctx.snapshot.vulnerabilityReports ?? []) {
      if (!isObj(r) || !isObj(r.image) || !Array.isArray(r.vulnerabilities)) continue;
      const key = comparableKey(r.image);
      const add = (map: Map<string, VulnReport[]>, k: string | undefined) => {
        if (!k) return;
        const l = map.get(k);
        if (l) l.push(r);
        else map.set(k, [r]);
      };
      add(m.importsByDigest, key.digest);
      add(m.importsByTag, tagKey(key));
    }
  }
  return { byDigest: m.importsByDigest, byTag: m.importsByTag };
}

/** Whether the snapshot holds any vulnerability data at all (in-cluster reports or imports). */
export function hasVulnData(ctx: RuleContext): boolean {
  if ((ctx.snapshot.vulnerabilityReports?.length ?? 0) > 0) return true;
  return VULN_REPORT_KINDS.some((k) => ctx.index.byKind(k).length > 0);
}

/** Whether the snapshot holds any exposed-secret report. */
export function hasSecretData(ctx: RuleContext): boolean {
  return SECRET_REPORT_KINDS.some((k) => ctx.index.byKind(k).length > 0);
}

/** Digests the container's pods run for its current image (status imageID), sorted. */
export function podDigests(ctx: RuleContext, ref: PodSpecRef, c: ContainerRef): string[] {
  const name = c.container?.name;
  if (typeof name !== "string") return [];
  return [...(matchIndex(ctx).digests.get(ref.object)?.get(name) ?? [])].sort();
}

/** The container's image and every digest it is known to run (its reference's, its pods'). */
function containerImage(ctx: RuleContext, ref: PodSpecRef, c: ContainerRef): { key: ImageKey; digests: Set<string> } | undefined {
  const image = c.container?.image;
  if (typeof image !== "string" || image.trim() === "") return undefined;
  const key = comparableKey(imageKeyOf(image));
  const digests = new Set(podDigests(ctx, ref, c));
  if (key.digest) digests.add(key.digest);
  return { key, digests };
}

/** Producer reports (of the container, or of no container in particular) that describe its current image. */
function producerCandidates<R extends Placed>(reports: readonly R[] | undefined, name: string, img: { key: ImageKey; digests: Set<string> }): R[] {
  if (!reports) return [];
  return reports.filter((r) => {
    if (r.target?.container && r.target.container !== name) return false;
    const rk = comparableKey(r.image);
    return (!!rk.digest && img.digests.has(rk.digest)) || sameTag(rk, img.key);
  });
}

function newest<R extends Placed>(list: readonly R[]): R | undefined {
  let best: R | undefined;
  let bestT = -Infinity;
  for (const r of list) {
    const parsed = r.updatedAt ? Date.parse(r.updatedAt) : NaN;
    const t = Number.isFinite(parsed) ? parsed : -Infinity;
    if (!best || t > bestT) {
      best = r;
      bestT = t;
    }
  }
  return best;
}

/** The report that describes the container's current image, and how it was tied to it. */
export function vulnReportFor(ctx: RuleContext, ref: PodSpecRef, c: ContainerRef): { report: VulnReport; match: VulnMatch } | undefined {
  const img = containerImage(ctx, ref, c);
  if (!img) return undefined;
  const m = matchIndex(ctx);
  if (!m.vulns) {
    const objs = VULN_REPORT_KINDS.flatMap((k) => ctx.index.byKind(k));
    m.vulns = objs.length ? byTop(ctx, m, inClusterVulnReports(objs)) : new Map();
  }
  const name = String(c.container?.name ?? "");
  const producer = newest(producerCandidates(m.vulns.get(ref.object), name, img));
  if (producer) return { report: producer, match: "producer" };
  if (!ctx.snapshot.vulnerabilityReports?.length) return undefined;
  const { byDigest, byTag } = importIndexes(ctx, m);
  const digest = newest([...img.digests].flatMap((d) => byDigest.get(d) ?? []));
  if (digest) return { report: digest, match: "digest" };
  const tk = tagKey(img.key);
  const tagged = (tk ? byTag.get(tk) ?? [] : []).filter((r) => !(r.image.digest && img.digests.size > 0 && !img.digests.has(r.image.digest)));
  const tag = newest(tagged);
  return tag ? { report: tag, match: "tag" } : undefined;
}

/** The exposed-secret report of the container's current image, when its producer left one. */
export function secretReportFor(ctx: RuleContext, ref: PodSpecRef, c: ContainerRef): SecretReport | undefined {
  const img = containerImage(ctx, ref, c);
  if (!img) return undefined;
  const m = matchIndex(ctx);
  if (!m.secrets) {
    const objs = SECRET_REPORT_KINDS.flatMap((k) => ctx.index.byKind(k));
    m.secrets = objs.length ? byTop(ctx, m, inClusterSecretReports(objs)) : new Map();
  }
  return newest(producerCandidates(m.secrets.get(ref.object), String(c.container?.name ?? ""), img));
}
