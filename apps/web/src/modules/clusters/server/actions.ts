"use server";
// Cluster operations: server actions for the UI, also called by the /api/clusters route handlers.
// Each one is withOrg (schema + permission) around one data call plus the enqueue that follows it.
import { revalidatePath } from "next/cache";
import {
  DomainError, countQueuedScans, createCluster, createScan, deleteCluster, renameCluster, getCluster, getOrganization, getScan, listClusters, listScans, updateSchedule,
} from "@bulwark/db";
import { enqueueScan, enqueueTestConnection, removeScanSchedule, upsertScanSchedule } from "@bulwark/jobs";
import { encryptCredential, KubeconfigError, parseKubeconfig, vetKubeconfig } from "@bulwark/security";
import { z } from "zod";
import { env } from "@/env";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZAddCluster, ZClusterId, ZInspectKubeconfig, ZRenameCluster, ZSchedule } from "../clusters.schemas";
import { getKeyring } from "./credentials";
import { SCAN_ALL_PER_ORG, checkScanRate, enqueueOrExplain, requestScan } from "./scan-requests";

function kubeconfigError(err: unknown): never {
  if (err instanceof KubeconfigError) {
    const where = err.field ? `kubeconfig ${err.field}` : "kubeconfig";
    throw new HttpError(400, err.message, "invalid_kubeconfig", { kubeconfig: err.field ? `${where}: ${err.message.replace(`${err.field}: `, "")}` : err.message });
  }
  throw err;
}

/** Reads context names and servers out of a kubeconfig; credentials never leave the server. */
export const inspectKubeconfigAction = withOrg({ schema: ZInspectKubeconfig, permission: "cluster:manage" }, async (input) => {
  try {
    const parsed = parseKubeconfig(input.kubeconfig);
    return {
      contexts: parsed.contexts.map((c) => ({ name: c.name, server: c.server, namespace: c.namespace ?? null })),
      currentContext: parsed.currentContext ?? null,
    };
  } catch (err) {
    return kubeconfigError(err);
  }
});

export const addClusterAction = withOrg({ schema: ZAddCluster, permission: "cluster:manage" }, async (input, ctx) => {
  const org = orNotFound(await getOrganization({ orgId: ctx.orgId }));
  let vetted;
  try {
    vetted = await vetKubeconfig(input.kubeconfig, {
      ...(input.context ? { context: input.context } : {}),
      allowPrivateNetworks: env().BULWARK_ALLOW_PRIVATE_NETWORKS,
      allowInsecureTls: org.allowInsecureTls,
    });
  } catch (err) {
    return kubeconfigError(err);
  }
  const { ciphertext, keyId } = encryptCredential(vetted.kubeconfig, getKeyring());
  const cluster = await createCluster({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    ip: ctx.ip,
    name: input.name,
    server: vetted.server,
    contextName: vetted.context,
    credentialCipher: ciphertext,
    credentialKeyId: keyId,
  }).catch((err: unknown) => {
    // The one conflict a person can fix on this form: put it next to the name field.
    if (err instanceof DomainError && /already exists/i.test(err.message)) throw new HttpError(409, err.message, "conflict", { name: "Another cluster in this organization has this name" });
    throw err;
  });
  const scan = await createScan({ orgId: ctx.orgId, clusterId: cluster.id, trigger: "onboarding", actorId: ctx.userId, ip: ctx.ip });
  await enqueueOrExplain("connection test and first scan", async () => {
    await enqueueTestConnection({ orgId: ctx.orgId, clusterId: cluster.id });
    await enqueueScan({ orgId: ctx.orgId, clusterId: cluster.id, scanId: scan.id, trigger: "onboarding" }, { backlog: (await countQueuedScans({ orgId: ctx.orgId })) - 1 });
    await upsertScanSchedule({ orgId: ctx.orgId, clusterId: cluster.id, enabled: true, mode: "interval", everyMinutes: 1440, timezone: "UTC" });
  });
  revalidatePath("/clusters");
  return { id: cluster.id, name: cluster.name, server: cluster.server, scanId: scan.id };
});

export const scanNowAction = withOrg({ schema: ZClusterId, permission: "scan:run" }, async (input, ctx) => {
  orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found");
  await checkScanRate(ctx);
  const scan = await requestScan(ctx, input.clusterId, "manual");
  revalidatePath(`/clusters/${input.clusterId}`);
  return { scanId: scan.id, status: scan.status };
});

/** Same as scanNow but the trigger is "api" (used by POST /api/clusters/[id]/scans). */
export const apiScanAction = withOrg({ schema: ZClusterId, permission: "scan:run" }, async (input, ctx) => {
  orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found");
  await checkScanRate(ctx);
  const scan = await requestScan(ctx, input.clusterId, "api");
  return { id: scan.id, status: scan.status, clusterId: input.clusterId };
});

export const scanAllAction = withOrg({ schema: z.object({}), permission: "scan:run" }, async (_input, ctx) => {
  await checkScanRate(ctx, SCAN_ALL_PER_ORG);
  const clusters = await listClusters({ orgId: ctx.orgId });
  let queued = 0;
  let skipped = 0;
  for (const c of clusters) {
    // A cluster with a scan already waiting or running gets no second one (the database decides).
    try {
      await requestScan(ctx, c.id, "manual");
      queued++;
    } catch (err) {
      if (err instanceof HttpError && err.code === "scan_in_progress") skipped++;
      else throw err;
    }
  }
  revalidatePath("/clusters");
  return { queued, skipped };
});

export const deleteClusterAction = withOrg({ schema: ZClusterId, permission: "cluster:manage" }, async (input, ctx) => {
  orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found");
  await deleteCluster({ orgId: ctx.orgId, clusterId: input.clusterId, actorId: ctx.userId, ip: ctx.ip });
  await removeScanSchedule(input.clusterId).catch((err: unknown) => console.error("[bulwark/web] removeScanSchedule failed", err));
  revalidatePath("/clusters");
  return { deleted: true };
});

/** Admins rename a cluster; names are unique per organization (a taken name is a field error). */
export const renameClusterAction = withOrg({ schema: ZRenameCluster, permission: "cluster:manage" }, async (input, ctx) => {
  try {
    const res = await renameCluster({ orgId: ctx.orgId, clusterId: input.clusterId, actorId: ctx.userId, name: input.name, ip: ctx.ip });
    revalidatePath("/clusters", "layout");
    return res;
  } catch (err) {
    if (err instanceof DomainError) throw new HttpError(409, err.message, "conflict", { name: "Another cluster of this organization has that name" });
    throw err;
  }
});

export const updateScheduleAction = withOrg({ schema: ZSchedule, permission: "schedule:manage" }, async (input, ctx) => {
  orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found");
  const saved = await updateSchedule({
    orgId: ctx.orgId,
    clusterId: input.clusterId,
    actorId: ctx.userId,
    ip: ctx.ip,
    enabled: input.enabled,
    mode: input.mode,
    ...(input.mode === "interval" ? { everyMinutes: input.everyMinutes } : { cron: input.cron, timezone: input.timezone }),
  });
  await enqueueOrExplain("schedule change", async () => {
    if (input.enabled) {
      await upsertScanSchedule({
        orgId: ctx.orgId,
        clusterId: input.clusterId,
        enabled: true,
        mode: input.mode,
        everyMinutes: input.everyMinutes,
        cron: input.cron,
        timezone: input.timezone,
      });
    } else {
      await removeScanSchedule(input.clusterId);
    }
  });
  revalidatePath(`/clusters/${input.clusterId}`);
  return { enabled: saved.enabled, mode: saved.mode };
});

export const listClustersOp = withOrg({ schema: z.object({}), permission: "org:read" }, async (_input, ctx) =>
  (await listClusters({ orgId: ctx.orgId })).map(withoutCredentials),
);

/** Drops credential fields even if a data function ever returned them: they never reach a browser. */
function withoutCredentials<T extends object>(row: T): Omit<T, "credentialCipher" | "credentialKeyId"> {
  const { credentialCipher: _c, credentialKeyId: _k, ...rest } = row as T & { credentialCipher?: unknown; credentialKeyId?: unknown };
  return rest;
}

export const getClusterOp = withOrg({ schema: ZClusterId, permission: "org:read" }, async (input, ctx) =>
  withoutCredentials(orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found")),
);

export const getScanOp = withOrg({ schema: z.object({ scanId: z.string().min(1).max(64) }), permission: "org:read" }, async (input, ctx) => {
  return scanView(orNotFound(await getScan({ orgId: ctx.orgId, scanId: input.scanId }), "Scan not found"));
});

/** A scan as the API answers it: without which worker holds it or its lease (internals, not results). */
function scanView<T extends object>(scan: T): Omit<T, "workerId" | "heartbeatAt" | "attempts"> {
  const { workerId: _w, heartbeatAt: _h, attempts: _a, ...rest } = scan as T & { workerId?: unknown; heartbeatAt?: unknown; attempts?: unknown };
  return rest;
}

export const listScansOp = withOrg(
  { schema: z.object({ clusterId: z.string().max(64).optional(), cursor: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }), permission: "org:read" },
  async (input, ctx) => {
    // A foreign or unknown cluster id is a 404, not an empty list.
    if (input.clusterId) orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found");
    const page = await listScans({ orgId: ctx.orgId, ...input });
    return { ...page, items: page.items.map(scanView) };
  },
);
