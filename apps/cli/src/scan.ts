// `bulwark scan`: load input, judge it with the engine, attach field lines, build the report.
import {
  buildEngineSettings,
  builtinRules,
  evaluate,
  evaluateFramework,
  frameworks,
  getFramework,
  isBuiltinApiGroup,
  isNamespaceName,
  RULES_VERSION,
  snapshotFromManifests,
  type CustomRuleDef,
  type Exception,
  type ObjectRef,
  type Profile,
  type Rule,
  type Severity,
  type Snapshot,
  type SourceLocation,
} from "@bulwark/rules";
import { readLiveCluster } from "./cluster";
import { loadCustomRules, loadExceptions } from "./config-files";
import { UsageError } from "./errors";
import { loadInputs, loadVulnDocuments, type LoadedInput } from "./inputs";
import { countFailing, type ReportFinding, type ReportRisk, type ScanReport } from "./report";

export const PROFILES: readonly Profile[] = ["default", "strict"];

export interface ScanOptions {
  paths: string[];
  cwd: string;
  readStdin: () => string;
  stdinIsTty: boolean;
  kubeconfig?: string;
  context?: string;
  kubeVersion?: string;
  /** Namespace of namespaced manifests that name none (kubectl apply -n); default "default". */
  namespace?: string;
  profile?: Profile;
  framework?: string;
  rulesDir?: string;
  exceptionsFile?: string;
  /** Imported vulnerability documents (--vulns), matched to the scanned images by digest or tag. */
  vulnFiles?: string[];
  failOn: Severity | "none";
  onProgress?: (msg: string) => void;
  /** Problems worth knowing whatever the format (kinds a live read could not read). */
  onWarning?: (msg: string) => void;
}

export async function runScan(opts: ScanOptions): Promise<ScanReport> {
  if (opts.kubeVersion !== undefined && !/^1\.\d{1,2}$/.test(opts.kubeVersion)) {
    throw new UsageError(`--kube-version must look like 1.29, got ${JSON.stringify(opts.kubeVersion)}`);
  }
  if (opts.namespace !== undefined && !isNamespaceName(opts.namespace)) {
    throw new UsageError(`--namespace must be a namespace name (lowercase letters, digits, '-'), got ${JSON.stringify(opts.namespace)}`);
  }
  if (opts.profile !== undefined && !PROFILES.includes(opts.profile)) {
    throw new UsageError(`--profile must be one of ${PROFILES.join(", ")}; got ${JSON.stringify(opts.profile)}`);
  }
  const framework = opts.framework === undefined ? undefined : getFramework(opts.framework);
  if (opts.framework !== undefined && !framework) {
    throw new UsageError(`unknown framework ${JSON.stringify(opts.framework)}; one of: ${frameworks.map((f) => f.id).join(", ")}`);
  }
  const customRules: CustomRuleDef[] = opts.rulesDir ? loadCustomRules(opts.rulesDir, opts.cwd) : [];
  const exceptions: Exception[] = opts.exceptionsFile ? loadExceptions(opts.exceptionsFile, opts.cwd) : [];
  // Read before the cluster: a bad document fails fast, before a long live read.
  const vulnReports = opts.vulnFiles?.length ? loadVulnDocuments(opts.vulnFiles, opts.cwd) : [];

  let snapshot: Snapshot;
  let input: LoadedInput | undefined;
  let target: string;
  if (opts.kubeconfig) {
    if (opts.paths.length > 0) throw new UsageError("give either --kubeconfig or manifest paths, not both");
    if (opts.namespace !== undefined) throw new UsageError("--namespace places manifests; a cluster's objects have their own");
    const live = await readLiveCluster(opts.kubeconfig, opts.context, opts.cwd, opts.onProgress, opts.onWarning);
    snapshot = opts.kubeVersion && !live.snapshot.kubeVersion ? { ...live.snapshot, kubeVersion: opts.kubeVersion } : live.snapshot;
    target = live.target;
  } else {
    if (opts.context) throw new UsageError("--context needs --kubeconfig");
    let paths = opts.paths;
    if (paths.length === 0) {
      if (opts.stdinIsTty) throw new UsageError("nothing to scan: give files or folders, `-` for stdin, or --kubeconfig FILE");
      paths = ["-"];
    }
    input = loadInputs(paths, opts.cwd, opts.readStdin, opts.namespace ?? "default");
    if (input.objects.length === 0) {
      const why = input.errors.length > 0 ? `every document failed to parse:\n  ${input.errors.map((e) => `${e.file ?? "<input>"}:${e.line}: ${e.message}`).join("\n  ")}` : `no Kubernetes objects found in ${input.files} file${input.files === 1 ? "" : "s"}`;
      throw new UsageError(`nothing could be scanned: ${why}`);
    }
    snapshot = snapshotFromManifests(input.objects, input.locations, opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {});
    target = `${input.files} file${input.files === 1 ? "" : "s"}`;
  }

  if (vulnReports.length > 0) snapshot = { ...snapshot, vulnerabilityReports: [...(snapshot.vulnerabilityReports ?? []), ...vulnReports] };

  // The same settings builder as the worker and the web app; the CLI's policy is its flags.
  const { settings } = buildEngineSettings({
    policy: {},
    exceptions,
    customRules,
    ...(opts.profile ? { profile: opts.profile } : {}),
    // exceptions scoped with `cluster:` match the kubeconfig context name
    ...(opts.kubeconfig ? { clusterName: target } : {}),
  });
  const extraRules = settings.extraRules ?? [];
  // --framework judges the whole catalog, as a scan does: rule statuses depend on the profile and on
  // which rules merge into one finding (engine/causes.ts), so running only the framework's rules
  // could judge a control differently from the web view and the report of the same cluster.
  const result = evaluate(snapshot, settings);

  const ruleMeta = new Map<string, Rule>();
  for (const r of [...builtinRules, ...extraRules]) ruleMeta.set(r.id, r);

  // file -> document line -> object index in that file, built on first use per file.
  const byLine = new Map<string, Map<number, number>>();
  const indexIn = (file: string, line: number): number | undefined => {
    let m = byLine.get(file);
    if (!m) {
      m = new Map();
      input?.parsed.get(file)?.locations.forEach((l, i) => {
        if (!m!.has(l.line)) m!.set(l.line, i);
      });
      byLine.set(file, m);
    }
    return m.get(line);
  };
  const findings: ReportFinding[] = result.findings.map((f) => {
    const out: ReportFinding = { ...f, title: ruleMeta.get(f.ruleId)?.title ?? f.ruleId };
    if (f.location && input) {
      out.file = f.location.file;
      out.line = f.location.line;
      const index = indexIn(f.location.file, f.location.line);
      if (index !== undefined) out.line = input.parsed.get(f.location.file)!.fieldLine(index, f.path);
    }
    return out;
  });

  // Where each manifest object came from, so a risk can point at every object it joins.
  const locationOf = new Map<string, SourceLocation>();
  snapshot.objects.forEach((o, i) => {
    const loc = snapshot.locations?.[i];
    const key = refKey({ kind: o.kind, namespace: o.metadata?.namespace, name: o.metadata?.name ?? "" });
    if (loc && !locationOf.has(key)) locationOf.set(key, loc);
  });
  // Until the engine fills risks (engine/risks.ts), a result without them has none.
  const risks: ReportRisk[] = (result.risks ?? []).map((r) => {
    const locations = r.objects.flatMap((object) => {
      const loc = locationOf.get(refKey(object));
      return loc ? [{ object, file: loc.file, line: loc.line }] : [];
    });
    const own = r.location ?? locations[0];
    return { ...r, locations, ...(own ? { file: own.file, line: own.line } : {}) };
  });

  const failing = countFailing([...findings, ...risks], opts.failOn);
  const report: ScanReport = {
    source: snapshot.source,
    target,
    findings,
    risks,
    rules: result.rules,
    ruleMeta,
    errors: input?.errors ?? [],
    counts: result.counts,
    score: result.score,
    scoreItems: result.scoreItems ?? [],
    expected: result.expected ?? findings.filter((f) => f.baseline).length,
    profile: result.profile ?? opts.profile ?? "default",
    objectCount: result.objectCount,
    customResources: input ? input.objects.filter((o) => !isBuiltinApiGroup(o.apiVersion)).length : 0,
    files: input?.files ?? 0,
    failOn: opts.failOn,
    failing,
    rulesVersion: RULES_VERSION,
  };
  if (framework) {
    report.framework = {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      ...(framework.disclaimer ? { disclaimer: framework.disclaimer } : {}),
      result: evaluateFramework(framework, result.rules),
    };
  }
  return report;
}

function refKey(o: Pick<ObjectRef, "kind" | "namespace" | "name">): string {
  return `${o.kind}/${o.namespace ?? ""}/${o.name}`;
}
