// The image inventory: every container of every workload (its top controller) and the image it
// runs, normalized, with the digest its pods report when the reference does not pin one. Plain
// derivation from a snapshot; packages/db stores the rows (Image, ImageUse).
import { normalizeObjects } from "../engine/normalize";
import { buildIndex } from "../engine/snapshot-index";
import { imageMatchesEntry, isPinningDigest, parseImage } from "../helpers/images";
import { allPodSpecs, containers } from "../helpers/pod";
import type { RuleContext, RuleParams, Snapshot } from "../types";
import { imageKeyOf } from "./image-key";
import { podDigests } from "./match";
import type { ImageUseRow } from "./types";

/** The pull policy Kubernetes defaults to: Always for ":latest" or no tag (without a digest), else IfNotPresent. */
function defaultPullPolicy(reference: string): string {
  const ref = parseImage(reference);
  if (ref.digest) return "IfNotPresent";
  return !ref.tag || ref.tag === "latest" ? "Always" : "IfNotPresent";
}

/** One row per top workload x container (init and ephemeral too) that names an image. */
export function imageInventory(snapshot: Snapshot, params: RuleParams = {}): ImageUseRow[] {
  // The same normal form the engine judges (metadata fields of the right types).
  const norm = normalizeObjects(snapshot.objects ?? []);
  const snap: Snapshot = norm.changed ? { ...snapshot, objects: norm.objects, locations: undefined } : snapshot;
  const ctx: RuleContext = { snapshot: snap, index: buildIndex(snap), params };
  const allowed = Array.isArray(params.allowedRegistries) ? params.allowedRegistries.filter((e): e is string => typeof e === "string" && e.trim() !== "") : [];
  const rows: ImageUseRow[] = [];
  for (const ref of allPodSpecs(ctx)) {
    const obj = ref.object;
    const md = obj.metadata ?? {};
    const workload: ImageUseRow["workload"] = { apiVersion: obj.apiVersion, kind: obj.kind, name: md.name ?? "" };
    if (md.namespace) workload.namespace = md.namespace;
    if (md.uid) workload.uid = md.uid;
    for (const c of containers(ref)) {
      const reference = c.container.image;
      if (typeof reference !== "string" || reference.trim() === "") continue;
      const key = imageKeyOf(reference);
      const row: ImageUseRow = {
        workload,
        container: String(c.container.name ?? ""),
        containerType: c.type,
        reference,
        key,
        mutableTag: !isPinningDigest(parseImage(reference.trim()).digest),
      };
      if (key.digest) row.digestFrom = "reference";
      else {
        // Pods of the current template that agree on one digest name what the tag resolved to.
        const digests = podDigests(ctx, ref, c);
        if (digests.length === 1) {
          key.digest = digests[0];
          row.digestFrom = "pod-status";
        }
      }
      const policy = typeof c.container.imagePullPolicy === "string" && c.container.imagePullPolicy ? c.container.imagePullPolicy : defaultPullPolicy(reference);
      row.pullPolicy = policy;
      if (allowed.length > 0) row.registryAllowed = allowed.some((e) => imageMatchesEntry(parseImage(reference.trim()), e));
      rows.push(row);
    }
  }
  return rows;
}
