// Next.js configuration for the Bulwark web app. Workspace packages ship TypeScript sources, so
// they are transpiled here; native or heavy server-only modules stay external to the bundle.
import type { NextConfig } from "next";

// NODE_ENV is set by Next itself, not by the operator, so it is read here rather than in src/env.ts:
// React's dev tooling needs eval, production never does.
const devEval = process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers ignore HSTS received over plain http (RFC 6797 8.1), so sending it always is safe and
  // protects every https deployment without depending on build-time settings.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  {
    key: "Content-Security-Policy",
    // Next injects inline bootstrap scripts and styles; everything else is same-origin only.
    value: [
      "default-src 'self'",
      `script-src 'self' 'unsafe-inline'${devEval}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; "),
  },
];

const nextConfig: NextConfig = {
  transpilePackages: ["@bulwark/db", "@bulwark/jobs", "@bulwark/k8s", "@bulwark/rules", "@bulwark/security"],
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
    "bullmq",
    "ioredis",
    "@kubernetes/client-node",
    "@bufbuild/cel",
    // reads its font metrics from files next to its own code (access review PDFs, @bulwark/db)
    "pdfkit",
  ],
  // Lets several builds of one checkout live side by side (parallel development, benchmarks).
  distDir: process.env.BULWARK_NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Pasted manifests may be up to 2 MiB (scan-yaml.schemas.ts); leave room for the encoding.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  typedRoutes: false,
  async headers() {
    // Evidence file downloads answer their own, stricter policy ("default-src 'none'; sandbox"); the
    // app's would replace it, so it is left off that one route.
    const csp = securityHeaders.filter((h) => h.key === "Content-Security-Policy");
    return [
      { source: "/:path*", headers: securityHeaders.filter((h) => h.key !== "Content-Security-Policy") },
      { source: "/:path((?!api/compliance/attestation-files/).*)", headers: csp },
    ];
  },
};

export default nextConfig;
