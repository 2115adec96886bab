// Lint rules that guard the codebase's conventions (STYLE.md): configuration is read once per app
// in its env.ts, nothing deep-imports another package's src/, TypeScript stays strict, and the
// architecture's seams hold (rules are pure, the web app never reads clusters, production code never
// imports the simulator or test helpers). eslint-seams.test.ts proves each seam still bites.
import tseslint from "typescript-eslint";

// Test, bench and tooling files: they may run kube-sim and use the packages' testing helpers.
export const TEST_AND_TOOLING = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "**/test-helpers.ts",
  "**/test-db.ts",
  "**/*.fixtures.ts",
  "**/testing.ts",
  "apps/worker/src/fairness-scenario.ts",
  "packages/k8s/src/bench.ts",
  "packages/k8s/src/bench-server.ts",
  "packages/k8s/src/child-server.ts",
  "packages/kube-sim/**",
  "scripts/**",
  "bench/**",
  "reliability/**",
  "e2e/**",
];

const DEEP_IMPORTS = { group: ["@bulwark/*/src/*", "../../packages/*", "../../../packages/*"], message: "Import other packages through their root barrel (@bulwark/<name>)." };

// Each seam is one module-name regex, enforced on static imports, re-exports, import() and require().
const TEST_ONLY = [
  { re: "^@bulwark/kube-sim(/.*)?$", message: "kube-sim is for tests, bench, reliability and the demo; production code never imports it." },
  { re: "^@bulwark/[a-z0-9-]+/testing$", message: "Testing helpers are for tests, bench and reliability only." },
];
// Pure rules: no file, network, process or database access, and no package that does I/O.
const IO_NODE = {
  re: "^(node:)?(fs|net|http|https|http2|tls|dns|dgram|child_process|cluster|readline|worker_threads)(/.*)?$",
  message: "packages/rules is pure: no I/O (readers and the worker give it data).",
};
const IO_PACKAGES = {
  re: "^(@bulwark/(db|jobs|k8s|security|kube-sim)|@kubernetes/client-node|pg|ioredis|bullmq|undici|@prisma/[^/]+)(/.*)?$",
  message: "packages/rules is pure: it never imports database, queue, cluster or network packages.",
};
// The web app never talks to a cluster: it vets and encrypts kubeconfigs (@bulwark/security) and
// enqueues jobs; of the reader it may import only the static resource list, for the RBAC manifest.
const WEB = [
  { re: "^(@bulwark/k8s(?!/resources$)|@kubernetes/client-node)(/.*)?$", message: "The web app never reads clusters (@bulwark/k8s is the worker's); use @bulwark/security, or @bulwark/k8s/resources for the resource list." },
  { re: "^@bulwark/kube-sim(/.*)?$", message: "The web app never imports the simulator." },
];
// The trust package sits below the others (the reader, the web app and the worker use it).
const SECURITY = { re: "^@bulwark/(k8s|db|jobs|kube-sim|rules|web|worker|cli)(/.*)?$", message: "@bulwark/security sits below every other package: it imports none of them." };
// esquery reads a regex up to the next "/", so slashes are written as \x2F in selectors.
const sel = (re) => re.replaceAll("/", "\\x2F");
// A cluster's write credential (issue 19) serves one purpose, applying approved fixes: only the
// worker's fix-apply path (apps/worker/src/remediation) and the data layer's remediation folder may
// touch its cipher column or the function that returns it; never scans, watches or connection tests.
const WRITE_CREDENTIAL_MESSAGE = "The write credential is for applying approved fixes only (apps/worker/src/remediation); scans, watches and tests use the read credential.";
const WRITE_CREDENTIAL_IMPORT = { name: "@bulwark/db", importNames: ["getClusterWriteCredential"], message: WRITE_CREDENTIAL_MESSAGE };
const WRITE_CREDENTIAL_SYNTAX = [
  'Identifier[name="getClusterWriteCredential"]',
  'MemberExpression[property.name="writeCredentialCipher"]',
  'MemberExpression[property.value="writeCredentialCipher"]',
  'ObjectPattern > Property[key.name="writeCredentialCipher"]',
  'Property[key.name=/^(select|data|include)$/] Property[key.name="writeCredentialCipher"]',
].map((selector) => ({ selector, message: WRITE_CREDENTIAL_MESSAGE }));
const WRITE_CREDENTIAL_OWNERS = ["apps/worker/src/remediation/**/*.ts", "packages/db/src/remediation/**/*.ts"];
const restrict = (...seams) => restrictWith(true, ...seams);
const restrictWith = (writeCredential, ...seams) => ({
  "no-restricted-imports": ["error", { patterns: [DEEP_IMPORTS, ...seams.map(({ re, message }) => ({ regex: re, message }))], ...(writeCredential && seams.length ? { paths: [WRITE_CREDENTIAL_IMPORT] } : {}) }],
  // "off" when there is nothing to restrict: a bare "error" would keep an earlier block's selectors.
  "no-restricted-syntax": seams.length === 0 ? "off" : [
    "error",
    ...seams.flatMap(({ re, message }) => [
      { selector: `ImportExpression[source.value=/${sel(re)}/]`, message },
      { selector: `CallExpression[callee.name="require"][arguments.0.value=/${sel(re)}/]`, message },
    ]),
    ...(writeCredential ? WRITE_CREDENTIAL_SYNTAX : []),
  ],
});
const RULES_TESTS = ["packages/rules/**/*.test.ts", "packages/rules/**/*.fixtures.ts"];

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/.next/**", "**/.next-*/**", "**/generated/**", "**/dist/**", ".bulwark/**", "**/*.d.ts"],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through this app's env.ts (validated with zod), not process.env." },
      ],
      ...restrict(...TEST_ONLY),
    },
  },
  // Import seams; a later block replaces an earlier one's no-restricted-imports for its files.
  { files: TEST_AND_TOOLING, rules: restrict() },
  { files: ["packages/rules/**/*.ts"], ignores: RULES_TESTS, rules: restrict(IO_NODE, IO_PACKAGES, ...TEST_ONLY) },
  // Rule tests read their fixture files, nothing else.
  { files: RULES_TESTS, rules: restrict(IO_PACKAGES) },
  { files: ["packages/security/**/*.ts"], ignores: TEST_AND_TOOLING, rules: restrict(SECURITY, ...TEST_ONLY) },
  { files: TEST_AND_TOOLING.filter((g) => g.startsWith("**/")).map((g) => `packages/security/${g}`), rules: restrict(SECURITY) },
  { files: ["apps/web/**/*.ts", "apps/web/**/*.tsx"], ignores: TEST_AND_TOOLING, rules: restrict(...WEB, ...TEST_ONLY) },
  { files: TEST_AND_TOOLING.filter((g) => g.startsWith("**/")).map((g) => `apps/web/${g}`), rules: restrict(...WEB) },
  {
    // Where reading the environment is the point: env.ts files, tests, scripts, benchmarks, tooling.
    files: [
      "**/env.ts",
      "**/*.test.ts",
      "**/test-helpers.ts",
      "apps/worker/src/fairness-scenario.ts",
      "**/test-db.ts",
      "scripts/**",
      "bench/**",
      "reliability/**",
      "e2e/**",
      "**/next.config.ts",
      "**/instrumentation.ts",
      "prisma.config.ts",
      "apps/cli/src/**",
      "packages/kube-sim/src/cli.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  // The fix-apply path itself: the production seams without the write-credential one.
  { files: WRITE_CREDENTIAL_OWNERS, ignores: TEST_AND_TOOLING, rules: restrictWith(false, ...TEST_ONLY) },
);
