// The images and vulnerabilities reads (GET /api/images, /api/vulnerabilities, /api/cve-exceptions)
// and imports: withOrg around one @bulwark/db call each. A cluster or image id of another
// organization answers 404 exactly like one that exists nowhere.
import {
  getCluster,
  imageDetail,
  importVulnDocument,
  listCveExceptions,
  listImageRegistries,
  listImages,
  listVulnerabilities,
  VulnImportError,
} from "@bulwark/db";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import {
  ZCveExceptionsInput,
  ZImageInput,
  ZImagesInput,
  ZImportInput,
  ZVulnerabilitiesInput,
  type TImagesInput,
  type TVulnerabilitiesInput,
} from "../images.schemas";

/** Runs the query and, when it names a cluster, checks that cluster is the caller's (in parallel). */
async function inCluster<T>(orgId: string, clusterId: string | undefined, run: () => Promise<T>): Promise<T> {
  const [cluster, result] = await Promise.all([clusterId ? getCluster({ orgId, clusterId }) : Promise.resolve(true), run()]);
  orNotFound(cluster, "Cluster not found");
  return result;
}

/** The data layer's filters from the URL's. */
export function imageFilters(orgId: string, i: TImagesInput) {
  return {
    orgId,
    ...(i.cluster ? { clusterId: i.cluster } : {}),
    ...(i.registry ? { registry: i.registry } : {}),
    ...(i.q ? { q: i.q } : {}),
    ...(i.severity ? { severity: i.severity } : {}),
    ...(i.fixable ? { fixable: true } : {}),
    ...(i.mutable ? { mutable: true } : {}),
    ...(i.notAllowed ? { notAllowed: true } : {}),
  };
}

export type TImagesAnswer =
  | ({ view: "image" } & Awaited<ReturnType<typeof listImages>>)
  | { view: "registry"; registries: Awaited<ReturnType<typeof listImageRegistries>> };

export async function queryImages(orgId: string, i: TImagesInput): Promise<TImagesAnswer> {
  const f = imageFilters(orgId, i);
  if (i.view === "registry") return { view: "registry", registries: await listImageRegistries(f) };
  return { view: "image", ...(await listImages({ ...f, ...(i.sort ? { sort: i.sort } : {}), ...(i.cursor ? { cursor: i.cursor } : {}), ...(i.limit ? { limit: i.limit } : {}) })) };
}

export function queryVulnerabilities(orgId: string, i: TVulnerabilitiesInput) {
  return listVulnerabilities({
    orgId,
    ...(i.cluster ? { clusterId: i.cluster } : {}),
    ...(i.image ? { imageId: i.image } : {}),
    ...(i.severity ? { severity: i.severity } : {}),
    ...(i.fixable ? { fixable: true } : {}),
    ...(i.q ? { q: i.q } : {}),
    ...(i.cursor ? { cursor: i.cursor } : {}),
    ...(i.limit ? { limit: i.limit } : {}),
  });
}

export const listImagesOp = withOrg({ schema: ZImagesInput, permission: "org:read" }, async (input, ctx) => inCluster(ctx.orgId, input.cluster, () => queryImages(ctx.orgId, input)));

export const imageDetailOp = withOrg({ schema: ZImageInput, permission: "org:read" }, async (input, ctx) =>
  orNotFound(await imageDetail({ orgId: ctx.orgId, imageId: input.imageId }), "Image not found"),
);

export const listVulnerabilitiesOp = withOrg({ schema: ZVulnerabilitiesInput, permission: "org:read" }, async (input, ctx) => {
  if (input.image) orNotFound(await imageDetail({ orgId: ctx.orgId, imageId: input.image }), "Image not found");
  return inCluster(ctx.orgId, input.cluster, () => queryVulnerabilities(ctx.orgId, input));
});

/**
 * One document (the body's text, or the uploaded file) imported for the organization. Nothing in it
 * runs: it is parsed as JSON and normalized; a refused document stores nothing and answers its
 * reason (400, 413 when too big).
 */
export const importVulnsOp = withOrg({ schema: ZImportInput, permission: "vulns:import" }, async (input, ctx) => {
  const file = input.files?.[0];
  let text = input.text;
  if (file) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    } catch {
      throw new HttpError(400, `${file.name || "The file"} is not UTF-8 text: upload the JSON the scanner wrote`, "invalid_document");
    }
  }
  if (text === undefined || text.trim() === "") throw new HttpError(400, "The document is empty: send Trivy JSON, Grype JSON or a CycloneDX SBOM/VEX as the body, or upload it as a file", "invalid_document");
  try {
    return await importVulnDocument({ orgId: ctx.orgId, text, image: input.image ?? null, actorId: ctx.userId, tokenId: ctx.token?.id ?? null, ip: ctx.ip });
  } catch (err) {
    if (err instanceof VulnImportError) throw new HttpError(err.status, err.message, err.status === 413 ? "too_large" : "invalid_document");
    throw err;
  }
});

export const listCveExceptionsOp = withOrg({ schema: ZCveExceptionsInput, permission: "org:read" }, async (input, ctx) => ({
  items: await listCveExceptions({ orgId: ctx.orgId, includeRevoked: input.includeRevoked, ...(input.cve ? { cve: input.cve.toUpperCase().startsWith("CVE-") ? input.cve.toUpperCase() : input.cve } : {}) }),
}));
