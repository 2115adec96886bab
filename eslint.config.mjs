// Lint rules that guard the codebase's conventions (STYLE.md): configuration is read once per app
// in its env.ts, nothing deep-imports another package's src/, and TypeScript stays strict.
import tseslint from "typescript-eslint";

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
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@bulwark/*/src/*", "../../packages/*", "../../../packages/*"], message: "Import other packages through their root barrel (@bulwark/<name>)." }] },
      ],
    },
  },
  {
    // Where reading the environment is the point: env.ts files, tests, scripts, benchmarks, tooling.
    files: [
      "**/env.ts",
      "**/*.test.ts",
      "**/test-helpers.ts",
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
);
