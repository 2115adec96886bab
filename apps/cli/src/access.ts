// `bulwark access`: who can do what, and what a subject can do, in a live cluster or in manifests.
// The answers come from the same access model (@bulwark/rules buildAccessModel / whoCan /
// subjectGrants) the web app stores per scan, so the CLI and the Access pages never disagree.
// The cluster is read exactly as `bulwark scan --kubeconfig` reads it, files exactly as `scan`
// loads them. Loaded lazily by cli.ts: a scan never pays for this module.
import { parseArgs } from "node:util";
import {
  buildAccessModel,
  capabilitiesOf,
  describeRule,
  isNamespaceName,
  parseResource,
  subjectGrants,
  whoCan,
  type AccessQuery,
  type AccessSubjectKind,
  type Capability,
  type GrantVia,
  type KubeObject,
  type SubjectRef,
  type WhoCanSubject,
  type WorkloadRef,
} from "@bulwark/rules";
import type { Io } from "./cli";
import { readLiveCluster } from "./cluster";
import { UsageError } from "./errors";
import { paint, type Style } from "./format-table";
import { loadInputs } from "./inputs";

export const ACCESS_USAGE = `Usage: bulwark access who-can VERB (RESOURCE | --url /PATH) [options] INPUT
       bulwark access subject KIND/NAME [options] INPUT
INPUT: --kubeconfig FILE [--context NAME] (a live cluster, read as \`bulwark scan\`
does), or manifest files and folders, or - for stdin.

  who-can VERB RESOURCE  Subjects allowed VERB on RESOURCE, each with every path
                         (binding -> role -> rule) allowing it, decided as the
                         Kubernetes RBAC authorizer does. RESOURCE as kubectl
                         writes it: secrets, pods/exec, deployments.apps,
                         deployments.apps/scale
  who-can VERB --url /PATH
                         The same for a non-resource URL (/metrics, /healthz)
  subject KIND/NAME      What a subject can do: its grants, those of its
                         implicit groups (system:authenticated, ...), its risky
                         capabilities and the workloads that run as it.
                         KIND/NAME: sa/NAME -n NS, sa/NS:NAME, user/NAME,
                         group/NAME

Options:
  -n, --namespace NS     who-can: the request's namespace (without it, a
                         cluster-wide request, which only ClusterRoleBindings
                         grant). subject: the service account's namespace; for
                         users and groups, only the grants that apply in NS
  --name NAME            who-can: the object's name, for rules limited by
                         resourceNames
  --include-named        who-can without --name: also grants limited to named
                         objects (their resourceNames are shown)
  --manifests-namespace NS
                         Namespace of manifests that name none, as
                         \`kubectl apply -n NS\` (default default)
  --format table|json    Output format (default table)
  -h, --help             Show this help

JSON: {"subjects": [{"kind", "name", "namespace", "via": [{"binding",
"bindingKind", "bindingNamespace", "role", "roleKind", "rule", "scope",
"viaGroup"?, ...}]}]}; subject adds "capabilities", "workloads", "privilege".
Exit codes: 0 answered (also when nobody can); 2 usage or input error.
`;

const RBAC_KINDS = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"];

interface Source {
  objects: readonly KubeObject[];
  target: string;
  source: "cluster" | "manifests";
}

function styleOf(io: Io): Style {
  const color = io.stdoutIsTty && io.env.NO_COLOR === undefined && io.env.TERM !== "dumb";
  return { color: color || (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0"), width: io.columns && io.columns > 0 ? io.columns : 80 };
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        namespace: { type: "string", short: "n" },
        name: { type: "string" },
        "include-named": { type: "boolean" },
        url: { type: "string" },
        kubeconfig: { type: "string" },
        context: { type: "string" },
        "manifests-namespace": { type: "string" },
        format: { type: "string", short: "f" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

type Values = ReturnType<typeof parse>["values"];

function checkNamespace(flag: string, ns: string | undefined): void {
  if (ns !== undefined && !isNamespaceName(ns)) throw new UsageError(`${flag} must be a namespace name (lowercase letters, digits, '-'), got ${JSON.stringify(ns)}`);
}

/** The objects to answer from: a live cluster (as `scan --kubeconfig`) or manifests (as `scan PATH...`). */
async function loadSource(io: Io, values: Values, paths: string[], progress: (msg: string) => void): Promise<Source> {
  if (values.kubeconfig) {
    if (paths.length > 0) throw new UsageError("give either --kubeconfig or manifest paths, not both");
    if (values["manifests-namespace"] !== undefined) throw new UsageError("--manifests-namespace places manifests; a cluster's objects have their own");
    const live = await readLiveCluster(values.kubeconfig, values.context, io.cwd, progress, (msg) => io.stderr(`bulwark: warning: ${msg}\n`));
    // An answer without every binding and role would be silently wrong: refuse instead.
    const unread = live.snapshot.kinds.filter((k) => RBAC_KINDS.includes(k.kind) && k.status !== "read");
    if (unread.length > 0) {
      throw new UsageError(`cannot answer from ${live.target}: ${unread.map((k) => `${k.kind} ${k.status}${k.error ? ` (${k.error})` : ""}`).join("; ")}; the kubeconfig's identity must be able to list roles and bindings`);
    }
    return { objects: live.snapshot.objects, target: live.target, source: "cluster" };
  }
  if (values.context) throw new UsageError("--context needs --kubeconfig");
  checkNamespace("--manifests-namespace", values["manifests-namespace"]);
  let inputs = paths;
  if (inputs.length === 0) {
    if (io.stdinIsTty) throw new UsageError("nothing to read: give --kubeconfig FILE, manifest files or folders, or `-` for stdin");
    inputs = ["-"];
  }
  const loaded = loadInputs(inputs, io.cwd, io.readStdin, values["manifests-namespace"] ?? "default");
  for (const e of loaded.errors) io.stderr(`${e.file ?? "<input>"}:${e.line}: ${e.message}\n`);
  if (loaded.objects.length === 0) throw new UsageError(`nothing could be read: no Kubernetes objects in ${loaded.files} file${loaded.files === 1 ? "" : "s"}`);
  if (!loaded.objects.some((o) => RBAC_KINDS.includes(o.kind))) io.stderr("bulwark: warning: the input has no Role, ClusterRole, RoleBinding or ClusterRoleBinding; nobody is granted anything\n");
  return { objects: loaded.objects, target: `${loaded.files} file${loaded.files === 1 ? "" : "s"}`, source: "manifests" };
}

function formatArg(v: string | undefined): "table" | "json" {
  const f = (v ?? "table").toLowerCase();
  if (f !== "table" && f !== "json") throw new UsageError(`--format must be one of table, json; got ${JSON.stringify(v)}`);
  return f;
}

// ---------------------------------------------------------------- JSON

export interface ViaJson {
  binding: string;
  bindingKind: GrantVia["bindingKind"];
  bindingNamespace: string | null;
  role: string;
  roleKind: GrantVia["roleKind"];
  rule: GrantVia["rule"];
  /** The rule in one line, as the table shows it. */
  ruleText: string;
  ruleIndex: number;
  ruleSource?: string;
  scope: string | null;
  builtIn: boolean;
  viaGroup?: string;
}

export function viaJson(v: GrantVia): ViaJson {
  return {
    binding: v.binding,
    bindingKind: v.bindingKind,
    bindingNamespace: v.bindingNamespace ?? null,
    role: v.role,
    roleKind: v.roleKind,
    rule: v.rule,
    ruleText: describeRule(v.rule),
    ruleIndex: v.ruleIndex,
    ...(v.ruleSource ? { ruleSource: v.ruleSource } : {}),
    scope: v.scope ?? null,
    builtIn: v.builtIn,
    ...(v.viaGroup ? { viaGroup: v.viaGroup } : {}),
  };
}

const refJson = (r: SubjectRef) => ({ kind: r.kind, name: r.name, namespace: r.namespace ?? null });

function capabilityJson(c: Capability) {
  return { id: c.id, level: c.level, title: c.title, why: c.why, scope: c.scope ?? null, via: viaJson(c.via) };
}

// ---------------------------------------------------------------- table

function table(rows: string[][], style: Style): string {
  if (rows.length === 0) return "";
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r, n) => {
      const line = r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd();
      return n === 0 ? paint(style, "bold", line) : line;
    })
    .join("\n");
}

const bindingText = (v: GrantVia) => `${v.bindingKind} ${v.bindingNamespace ? `${v.bindingNamespace}/` : ""}${v.binding}`;
/** "built-in": the role is not in the input, so Kubernetes' default definition of it answered. */
const sourceText = (v: GrantVia) => (!v.ruleSource || v.ruleSource === v.role ? "" : v.ruleSource === "built-in" ? " (Kubernetes default)" : ` (from ${v.ruleSource})`);
const roleText = (v: GrantVia) => `${v.roleKind} ${v.roleKind === "Role" && v.bindingNamespace ? `${v.bindingNamespace}/` : ""}${v.role}${sourceText(v)}`;
const scopeText = (v: GrantVia) => v.scope ?? "cluster-wide";
const subjectText = (r: SubjectRef) => (r.kind === "ServiceAccount" ? `${r.namespace ?? "?"}/${r.name}` : r.name);

function queryText(q: AccessQuery): string {
  const what = q.nonResourceURL ? `${q.verb} ${q.nonResourceURL}` : `${q.verb} ${q.resource}${q.name ? ` ${q.name}` : ""}`;
  return `${what} ${q.nonResourceURL ? "(non-resource URL)" : q.namespace ? `in namespace ${q.namespace}` : "cluster-wide"}`;
}

// ---------------------------------------------------------------- who-can

function whoCanQuery(values: Values, positionals: string[]): { query: AccessQuery; paths: string[] } {
  const [verb, ...rest] = positionals;
  if (!verb) throw new UsageError("who-can needs a VERB and a RESOURCE (or --url /PATH), e.g. `bulwark access who-can get secrets -n prod --kubeconfig FILE`");
  if (!/^([a-z]+|\*)$/i.test(verb)) throw new UsageError(`VERB must be a Kubernetes verb such as get, list, create, delete, impersonate or *; got ${JSON.stringify(verb)}`);
  checkNamespace("--namespace", values.namespace);
  const query: AccessQuery = { verb: verb.toLowerCase() };
  let paths = rest;
  if (values.url !== undefined) {
    if (!values.url.startsWith("/")) throw new UsageError(`--url must be a path starting with /, got ${JSON.stringify(values.url)}`);
    if (values.namespace !== undefined || values.name !== undefined) throw new UsageError("--url asks about a non-resource URL: it takes no --namespace or --name");
    query.nonResourceURL = values.url;
  } else {
    const resource = rest[0];
    if (!resource) throw new UsageError("who-can needs a RESOURCE after the verb (secrets, pods/exec, deployments.apps), or --url /PATH");
    let parsed: ReturnType<typeof parseResource>;
    try {
      parsed = parseResource(resource);
    } catch (e) {
      throw new UsageError(`RESOURCE ${JSON.stringify(resource)}: ${(e as Error).message}`);
    }
    if (!parsed.resource || !/^[a-z0-9*][a-z0-9.*-]*$/.test(parsed.resource)) throw new UsageError(`RESOURCE must look like secrets, pods/exec or deployments.apps; got ${JSON.stringify(resource)}`);
    query.resource = resource;
    paths = rest.slice(1);
    if (values.namespace !== undefined) query.namespace = values.namespace;
    if (values.name !== undefined) query.name = values.name;
  }
  if (values["include-named"]) query.includeNamed = true;
  return { query, paths };
}

async function whoCanCommand(io: Io, values: Values, positionals: string[]): Promise<number> {
  const format = formatArg(values.format);
  const { query, paths } = whoCanQuery(values, positionals);
  const style = styleOf(io);
  const src = await loadSource(io, values, paths, (msg) => {
    if (format === "table") io.stderr(`${paint(style, "gray", msg)}\n`);
  });
  const model = buildAccessModel(src.objects, { complete: src.source === "cluster" });
  const subjects: WhoCanSubject[] = whoCan(model.grants, query);
  if (format === "json") {
    const out = {
      query,
      source: src.source,
      target: src.target,
      subjects: subjects.map((s) => ({ ...refJson(s), via: s.via.map(viaJson) })),
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${paint(style, "bold", `Who can ${queryText(query)}`)} (${src.target})\n`);
  if (subjects.length === 0) {
    io.stdout("Nobody: no binding grants it.\n");
    return 0;
  }
  const rows = [["KIND", "SUBJECT", "SCOPE", "BINDING", "ROLE", "RULE"]];
  for (const s of subjects) {
    for (const v of s.via) rows.push([s.kind, subjectText(s), scopeText(v), bindingText(v), roleText(v), describeRule(v.rule)]);
  }
  io.stdout(`${table(rows, style)}\n`);
  const builtIn = subjects.filter((s) => s.via.every((v) => v.builtIn)).length;
  io.stdout(`${subjects.length} subject${subjects.length === 1 ? "" : "s"}${builtIn ? ` (${builtIn} only through built-in bindings)` : ""}\n`);
  return 0;
}

// ---------------------------------------------------------------- subject

const KIND_ALIASES: Record<string, AccessSubjectKind> = {
  sa: "ServiceAccount",
  serviceaccount: "ServiceAccount",
  serviceaccounts: "ServiceAccount",
  user: "User",
  users: "User",
  u: "User",
  group: "Group",
  groups: "Group",
  g: "Group",
};

/** KIND/NAME (sa/NS:NAME, sa/NAME with -n, user/NAME, group/NAME) as a subject reference. */
export function parseSubjectArg(arg: string | undefined, namespace: string | undefined): SubjectRef {
  const slash = arg?.indexOf("/") ?? -1;
  if (!arg || slash <= 0 || slash === arg.length - 1) throw new UsageError("subject needs KIND/NAME: sa/NAME -n NS, sa/NS:NAME, user/NAME or group/NAME");
  const kindText = arg.slice(0, slash);
  const kind = KIND_ALIASES[kindText.toLowerCase()];
  if (!kind) throw new UsageError(`unknown subject kind ${JSON.stringify(kindText)}; one of sa (ServiceAccount), user, group`);
  const name = arg.slice(slash + 1);
  const saUser = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(name);
  if (kind === "User" && saUser) return { kind: "ServiceAccount", namespace: saUser[1]!, name: saUser[2]! };
  if (kind !== "ServiceAccount") return { kind, name };
  const colon = name.indexOf(":");
  if (colon >= 0) {
    const ns = name.slice(0, colon);
    const saName = name.slice(colon + 1);
    if (namespace !== undefined && namespace !== ns) throw new UsageError(`${arg} names namespace ${ns}, but -n says ${namespace}`);
    checkNamespace("the service account's namespace", ns);
    if (!saName) throw new UsageError(`${arg}: the service account's name is missing`);
    return { kind, namespace: ns, name: saName };
  }
  if (namespace === undefined) throw new UsageError(`a service account needs its namespace: ${arg} -n NS, or ${kindText}/NS:${name}`);
  return { kind, namespace, name };
}

async function subjectCommand(io: Io, values: Values, positionals: string[]): Promise<number> {
  const format = formatArg(values.format);
  if (values.url !== undefined || values.name !== undefined || values["include-named"]) throw new UsageError("--url, --name and --include-named belong to who-can");
  checkNamespace("--namespace", values.namespace);
  const ref = parseSubjectArg(positionals[0], values.namespace);
  // For users and groups, -n narrows the answer to the grants that apply in that namespace.
  const within = ref.kind === "ServiceAccount" ? undefined : values.namespace;
  const style = styleOf(io);
  const src = await loadSource(io, values, positionals.slice(1), (msg) => {
    if (format === "table") io.stderr(`${paint(style, "gray", msg)}\n`);
  });
  const model = buildAccessModel(src.objects, { complete: src.source === "cluster" });
  const vias = subjectGrants(model.grants, ref).filter((v) => within === undefined || v.scope === undefined || v.scope === within);
  const capabilities = capabilitiesOf(vias);
  const known = model.subjects.find((s) => s.ref.kind === ref.kind && s.ref.name === ref.name && (s.ref.namespace ?? "") === (ref.namespace ?? ""));
  const workloads: WorkloadRef[] = known?.workloads ?? [];
  // Whether a service account exists is only known for a whole cluster; manifests may leave it out.
  const exists = ref.kind === "ServiceAccount" && src.source === "cluster" ? src.objects.some((o) => o.kind === "ServiceAccount" && o.metadata?.name === ref.name && o.metadata?.namespace === ref.namespace) : undefined;
  const privilege = capabilities[0]?.level ?? "";
  if (format === "json") {
    const out = {
      subject: refJson(ref),
      ...(within ? { namespace: within } : {}),
      source: src.source,
      target: src.target,
      subjects: [
        {
          ...refJson(ref),
          ...(exists !== undefined ? { exists } : {}),
          privilege,
          capabilities: capabilities.map(capabilityJson),
          workloads,
          via: vias.map(viaJson),
        },
      ],
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const head = `${ref.kind} ${subjectText(ref)}`;
  io.stdout(`${paint(style, "bold", head)} (${src.target}${within ? `, grants that apply in ${within}` : ""})\n`);
  if (exists === false) io.stdout(`${paint(style, "red", "The ServiceAccount does not exist")}: bindings still name it, and whoever recreates it gets their grants.\n`);
  if (workloads.length > 0) io.stdout(`Runs: ${workloads.map((w) => `${w.kind} ${w.namespace}/${w.name}`).join(", ")}\n`);
  else if (ref.kind === "ServiceAccount") io.stdout("Runs: no workload\n");
  if (vias.length === 0) {
    io.stdout("No grants: no binding names it or a group it belongs to.\n");
    return 0;
  }
  if (capabilities.length > 0) {
    io.stdout(`\n${paint(style, "bold", "Risky capabilities")}\n`);
    const rows = [["LEVEL", "CAPABILITY", "SCOPE", "THROUGH", "WHY"]];
    for (const c of capabilities) rows.push([c.level, c.title, c.scope ?? "cluster-wide", `${bindingText(c.via)}${c.via.viaGroup ? ` (as ${c.via.viaGroup})` : ""}`, c.why]);
    io.stdout(`${table(rows, style)}\n`);
  }
  io.stdout(`\n${paint(style, "bold", "Grants")}\n`);
  const rows = [["SCOPE", "BINDING", "ROLE", "VIA GROUP", "RULE"]];
  for (const v of vias) rows.push([scopeText(v), bindingText(v), roleText(v), v.viaGroup ?? "-", describeRule(v.rule)]);
  io.stdout(`${table(rows, style)}\n`);
  io.stdout(`${vias.length} grant${vias.length === 1 ? "" : "s"}, ${capabilities.length} risky capabilit${capabilities.length === 1 ? "y" : "ies"}\n`);
  return 0;
}

// ---------------------------------------------------------------- entry

export async function accessCommand(io: Io): Promise<number> {
  const [, sub, ...args] = io.argv;
  if (sub === undefined || sub === "-h" || sub === "--help" || sub === "help") {
    io.stdout(ACCESS_USAGE);
    return sub === undefined ? 2 : 0;
  }
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(ACCESS_USAGE);
    return 0;
  }
  switch (sub) {
    case "who-can":
      return whoCanCommand(io, values, positionals);
    case "subject":
      return subjectCommand(io, values, positionals);
    default:
      throw new UsageError(`unknown command "access ${sub}"; one of: who-can, subject`);
  }
}
