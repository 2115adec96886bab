// Command-line parsing and dispatch. Exit codes: 0 nothing at or above --fail-on, 1 some finding
// at or above it, 2 usage or input error.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { buildEngineSettings, builtinRules, frameworks, RULES_VERSION, SEVERITIES, type Severity } from "@bulwark/rules";
import { UsageError } from "./errors";
import { formatJson } from "./format-json";
import { formatJunit } from "./format-junit";
import { formatSarif } from "./format-sarif";
import { formatTable, paint, wrap, type Style } from "./format-table";
import { loadCustomRules } from "./config-files";
import { PROFILES, runScan } from "./scan";
import { verifyReportCommand } from "./verify-report";

export interface Io {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  stdinIsTty: boolean;
  stdoutIsTty: boolean;
  columns?: number;
}

export const DEFAULT_FAIL_ON: Severity = "high";

export const USAGE = `Usage: bulwark <command> [options]

Commands:
  scan [PATH... | -]     Scan manifest files and folders (.yaml, .yml, .json; recursive),
                         or stdin with "-" (the default when stdin is piped)
  scan --kubeconfig FILE [--context NAME]
                         Scan a live cluster
  rules [--rules DIR]    List the built-in rules (and validate custom rules)
  frameworks [ID]        List the compliance frameworks; with ID, its controls,
                         evidence rules and each control's rationale
  verify-report FILE SIG --public-key KEY.pem
                         Check a report file's signature (exit 0 valid, 1 INVALID)
  push FILE... --server URL [--image REF]
                         Upload Trivy, Grype or CycloneDX JSON documents to Bulwark
                         (token in BULWARK_TOKEN; \`bulwark push --help\`)
  access who-can VERB RESOURCE [-n NS] (--kubeconfig FILE | PATH...)
                         Who may do VERB on RESOURCE, each with the binding, role
                         and rule that allow it (\`bulwark access --help\`)
  access subject KIND/NAME [-n NS] (--kubeconfig FILE | PATH...)
                         What a user, group or service account can do, and how
  fix PATH... (--out DIR | --in-place)
                         Write patched manifests for every finding with a fix,
                         keeping layout, order and comments (\`bulwark fix --help\`)
  admission-policies [--action deny|warn|audit]
                         ValidatingAdmissionPolicies that stop the same problems
                         being deployed again (\`bulwark admission-policies --help\`)

Scan options:
  --format table|json|sarif|junit   Output format (default table)
  --fail-on SEVERITY     Exit 1 when an open finding or risk is at or above SEVERITY:
                         critical|high|medium|low|info|none (default ${DEFAULT_FAIL_ON});
                         excepted ones and those expected for platform
                         components never count
  --severity-threshold SEVERITY     Hide findings below SEVERITY in table output
  -n, --namespace NS     Namespace of manifests that name none, as
                         \`kubectl apply -n NS\` (default default): bindings and
                         service accounts resolve there
  --profile default|strict          Rules to run: a reviewer's set (default),
                         or every hygiene and best-practice rule too
  --show-expected        List findings expected for platform components in
                         table output (hidden by default, always in json)
  -o, --output FILE      Write the report to FILE instead of stdout
  --framework ID         Summarize a framework's controls from the scan (every rule
                         runs, as in the web view and reports); \`bulwark frameworks\`
                         lists the ids
  --kube-version X.Y     Kubernetes version the manifests target (deprecated-API rules)
  --rules DIR            Custom CEL rules (.yaml/.yml/.json) to run as well
  --exceptions FILE      Accepted risks: [{ ruleId, justification, namespace?, kind?,
                         name?, labelSelector?, expiresAt? }]
  --vulns FILE           Vulnerabilities of an image: Trivy JSON (trivy image -f
                         json), Grype JSON (grype -o json) or CycloneDX; matched to
                         the workloads running it by digest, else by tag (repeatable)
  -h, --help             Show this help     --version   Show the rules version

Exit codes: 0 no finding at or above --fail-on; 1 some; 2 usage or input error
(unknown option, missing file, bad kubeconfig, or nothing could be scanned).
Documents that fail to parse, have no metadata.name, or name a kind Kubernetes
does not have are reported with file and line as input problems; the rest is
scanned. Objects of custom API groups are counted and judged only by rules that
know them.
`;

const FORMATS = ["table", "json", "sarif", "junit"] as const;
type Format = (typeof FORMATS)[number];

function severityArg(name: string, v: string | undefined, allowNone: boolean): Severity | "none" | undefined {
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(s) || (allowNone && s === "none")) return s as Severity | "none";
  throw new UsageError(`${name} must be one of ${SEVERITIES.join(", ")}${allowNone ? ", none" : ""}; got ${JSON.stringify(v)}`);
}

function formatArg(v: string | undefined, allowed: readonly string[]): string {
  const f = (v ?? "table").toLowerCase();
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(", ")}; got ${JSON.stringify(v)}`);
  return f;
}

function styleOf(io: Io): Style {
  const color = io.stdoutIsTty && io.env.NO_COLOR === undefined && io.env.TERM !== "dumb";
  return { color: color || (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0"), width: io.columns && io.columns > 0 ? io.columns : 80 };
}

function parse(io: Io, options: NonNullable<ParseArgsConfig["options"]>) {
  try {
    return parseArgs({ args: io.argv.slice(1), options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

async function scanCommand(io: Io): Promise<number> {
  const { values, positionals } = parse(io, {
    format: { type: "string", short: "f" },
    "fail-on": { type: "string" },
    "severity-threshold": { type: "string" },
    framework: { type: "string" },
    "kube-version": { type: "string" },
    namespace: { type: "string", short: "n" },
    profile: { type: "string" },
    "show-expected": { type: "boolean" },
    rules: { type: "string" },
    exceptions: { type: "string" },
    vulns: { type: "string", multiple: true },
    kubeconfig: { type: "string" },
    context: { type: "string" },
    output: { type: "string", short: "o" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const outputFile = values.output as string | undefined;
  const format = formatArg(values.format as string | undefined, FORMATS) as Format;
  const failOn = severityArg("--fail-on", values["fail-on"] as string | undefined, true) ?? DEFAULT_FAIL_ON;
  const threshold = (severityArg("--severity-threshold", values["severity-threshold"] as string | undefined, false) ?? "info") as Severity;
  const style = outputFile ? { ...styleOf(io), color: false } : styleOf(io);
  const report = await runScan({
    paths: positionals,
    cwd: io.cwd,
    readStdin: io.readStdin,
    stdinIsTty: io.stdinIsTty,
    failOn,
    ...(values.kubeconfig ? { kubeconfig: values.kubeconfig as string } : {}),
    ...(values.context ? { context: values.context as string } : {}),
    ...(values["kube-version"] ? { kubeVersion: values["kube-version"] as string } : {}),
    ...(values.namespace !== undefined ? { namespace: values.namespace as string } : {}),
    ...(values.profile !== undefined ? { profile: (values.profile as string).toLowerCase() as (typeof PROFILES)[number] } : {}),
    ...(values.framework ? { framework: values.framework as string } : {}),
    ...(values.rules ? { rulesDir: values.rules as string } : {}),
    ...(values.exceptions ? { exceptionsFile: values.exceptions as string } : {}),
    ...(values.vulns ? { vulnFiles: values.vulns as string[] } : {}),
    onProgress: (msg) => {
      if (format === "table") io.stderr(`${paint(style, "gray", msg)}\n`);
    },
    onWarning: (msg) => io.stderr(`bulwark: warning: ${msg}\n`),
  });
  if (format !== "table") {
    // Machine formats keep stdout clean; input problems also go to stderr for humans.
    for (const e of report.errors) io.stderr(`${e.file ?? "<input>"}:${e.line}: ${e.message}\n`);
  }
  const text =
    format === "json" ? formatJson(report) : format === "sarif" ? formatSarif(report) : format === "junit" ? formatJunit(report) : formatTable(report, style, threshold, { showExpected: values["show-expected"] === true });
  if (outputFile) {
    try {
      writeFileSync(resolve(io.cwd, outputFile), text);
    } catch (e) {
      throw new UsageError(`cannot write --output ${outputFile}: ${(e as Error).message}`);
    }
  } else io.stdout(text);
  return report.failing > 0 ? 1 : 0;
}

function rulesCommand(io: Io): number {
  const { values, positionals } = parse(io, { format: { type: "string", short: "f" }, rules: { type: "string" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    io.stdout("Usage: bulwark rules [--format table|json] [--rules DIR]\n  --rules DIR  also compile and list custom CEL rules (exit 2 when one is invalid)\n");
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const format = formatArg(values.format as string | undefined, ["table", "json"]);
  const custom = values.rules ? (buildEngineSettings({ policy: {}, customRules: loadCustomRules(values.rules as string, io.cwd) }).settings.extraRules ?? []) : [];
  const rules = [...builtinRules, ...custom].sort((a, b) => a.id.localeCompare(b.id));
  if (format === "json") {
    io.stdout(
      `${JSON.stringify(
        {
          version: RULES_VERSION,
          rules: rules.map((r) => ({
            id: r.id,
            title: r.title,
            severity: r.severity,
            category: r.category,
            kinds: r.kinds,
            peers: r.peers,
            description: r.description,
            remediation: r.remediation,
            ...(r.aliases?.length ? { aliases: r.aliases } : {}),
            ...(r.clusterScope ? { clusterScope: true } : {}),
          })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const style = styleOf(io);
  const width = style.width;
  const idW = Math.min(34, Math.max(...rules.map((r) => r.id.length)));
  for (const r of rules) {
    io.stdout(`${r.id.padEnd(idW)} ${r.severity.padEnd(8)} ${r.category}\n`);
    io.stdout(`${wrap(r.title, width, "  ").join("\n")}\n`);
  }
  io.stdout(`${rules.length} rules (version ${RULES_VERSION})\n`);
  return 0;
}

function frameworksCommand(io: Io): number {
  const { values, positionals } = parse(io, { format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    io.stdout("Usage: bulwark frameworks [ID...] [--format table|json]\n  Without ID: one line per framework. With ID: its controls, evidence rules and rationale.\n");
    return 0;
  }
  const format = formatArg(values.format as string | undefined, ["table", "json"]);
  const unknown = positionals.filter((id) => !frameworks.some((f) => f.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown framework ${JSON.stringify(unknown[0])}; one of: ${frameworks.map((f) => f.id).join(", ")}`);
  const selected = positionals.length > 0 ? frameworks.filter((f) => positionals.includes(f.id)) : frameworks;
  if (format === "json") {
    io.stdout(`${JSON.stringify({ frameworks: selected }, null, 2)}\n`);
    return 0;
  }
  const style = styleOf(io);
  const kinds = (f: (typeof frameworks)[number]) => {
    const manual = f.controls.filter((c) => c.manual && !c.notApplicable).length;
    const na = f.controls.filter((c) => c.notApplicable).length;
    return `${f.controls.length} controls: ${f.controls.length - manual - na} automated, ${manual} manual${na ? `, ${na} not applicable` : ""}`;
  };
  if (positionals.length === 0) {
    const idW = Math.max(...frameworks.map((f) => f.id.length));
    for (const f of frameworks) {
      io.stdout(`${paint(style, "bold", f.id.padEnd(idW))}  ${f.name} ${f.version}\n`);
      io.stdout(`${paint(style, "gray", wrap(kinds(f), style.width, " ".repeat(idW + 2)).join("\n"))}\n`);
    }
    io.stdout("`bulwark frameworks ID` lists a framework's controls, evidence rules and rationale.\n");
    return 0;
  }
  for (const f of selected) {
    io.stdout(`${paint(style, "bold", `${f.id}: ${f.name} ${f.version}`)} (${kinds(f)})\n`);
    if (f.disclaimer) io.stdout(`${wrap(f.disclaimer, style.width, "  ").join("\n")}\n`);
    for (const c of f.controls) {
      io.stdout(`\n${paint(style, "bold", wrap(`${c.id} ${c.title}`, style.width, "").join("\n"))}\n`);
      if (c.notApplicable) io.stdout(`${wrap(`Not applicable: ${c.notApplicable}`, style.width, "  ").join("\n")}\n`);
      else if (c.manual) io.stdout(`${wrap(`Manual: ${c.manual.evidence}`, style.width, "  ").join("\n")}\n`);
      const rules = c.ruleIds.length === 0 ? "(no rule)" : c.ruleIds.join(", ");
      io.stdout(`${paint(style, "gray", wrap(`${c.manual ? "Supporting rules" : "Rules"}: ${rules}`, style.width, "  ").join("\n"))}\n`);
      if (c.rationale) io.stdout(`${wrap(c.rationale, style.width, "  ").join("\n")}\n`);
      if (c.broadReason) io.stdout(`${wrap(`Why ${c.ruleIds.length} rules: ${c.broadReason}`, style.width, "  ").join("\n")}\n`);
    }
    io.stdout("\n");
  }
  return 0;
}

export async function runCli(io: Io): Promise<number> {
  const [command] = io.argv;
  try {
    switch (command) {
      case "scan":
        return await scanCommand(io);
      case "rules":
        return rulesCommand(io);
      case "frameworks":
        return frameworksCommand(io);
      case "verify-report":
        return verifyReportCommand(io);
      case "push":
        // Lazy: a scan never loads the upload client.
        return await (await import("./push")).pushCommand(io);
      case "access":
        // Lazy: a scan never loads the access commands.
        return await (await import("./access")).accessCommand(io);
      case "fix":
        return await (await import("./fix")).fixCommand(io);
      case "admission-policies":
        return await (await import("./admission-policies")).admissionPoliciesCommand(io);
      case "--version":
      case "version":
        io.stdout(`bulwark rules ${RULES_VERSION}\n`);
        return 0;
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`bulwark: ${e.message}\n`);
      if (/unknown (command|option)|Unexpected argument|unexpected argument/i.test(e.message)) io.stderr("Run `bulwark --help` for usage.\n");
      return 2;
    }
    throw e;
  }
}
