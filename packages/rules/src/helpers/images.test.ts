import { describe, expect, it } from "vitest";
import { imageMatchesEntry, isPinningDigest, parseImage } from "./images";

describe("parseImage", () => {
  it.each([
    ["nginx", { registry: "docker.io", implicitRegistry: true, repository: "nginx", tag: undefined, digest: undefined }],
    ["nginx:1.27", { registry: "docker.io", repository: "nginx", tag: "1.27" }],
    ["library/nginx:latest", { registry: "docker.io", repository: "library/nginx", tag: "latest" }],
    ["registry.local:5000/tools/init", { registry: "registry.local:5000", implicitRegistry: false, repository: "tools/init", tag: undefined }],
    ["localhost/app:dev", { registry: "localhost", repository: "app", tag: "dev" }],
    ["ghcr.io/acme/api:1.4@sha256:abc", { registry: "ghcr.io", repository: "acme/api", tag: "1.4", digest: "sha256:abc" }],
    ["busybox@sha256:abc", { registry: "docker.io", repository: "busybox", tag: undefined, digest: "sha256:abc" }],
    ["K8S.GCR.IO/pause:3.1", { registry: "k8s.gcr.io", repository: "pause", tag: "3.1" }],
  ])("%s", (image, want) => {
    expect(parseImage(image)).toMatchObject(want);
  });
});

describe("imageMatchesEntry", () => {
  it("matches a registry host, Docker Hub aliases and path prefixes on segment boundaries", () => {
    expect(imageMatchesEntry(parseImage("nginx:1"), "docker.io")).toBe(true);
    expect(imageMatchesEntry(parseImage("nginx:1"), "index.docker.io/")).toBe(true);
    expect(imageMatchesEntry(parseImage("ghcr.io/acme/api:1"), "ghcr.io/acme")).toBe(true);
    expect(imageMatchesEntry(parseImage("ghcr.io/acme-evil/api:1"), "ghcr.io/acme")).toBe(false);
    expect(imageMatchesEntry(parseImage("ghcr.io.evil.com/acme/api:1"), "ghcr.io")).toBe(false);
    expect(imageMatchesEntry(parseImage("quay.io/x/y"), "")).toBe(false);
  });
});

describe("isPinningDigest", () => {
  const hex = (n: number) => "0123456789abcdef".repeat(8).slice(0, n);
  it.each([
    [`sha256:${hex(64)}`, true],
    [`sha512:${hex(128)}`, true],
    [`sha384:${hex(96)}`, true],
    ["blake3:0a1b2c", true],
    ["multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8", true],
    [`sha256:${hex(63)}`, false],
    [`sha512:${hex(64)}`, false],
    [`sha256:${hex(64).toUpperCase()}`, false],
    ["sha256:", false],
    [":abc", false],
    ["SHA256:abc", false],
    [undefined, false],
  ])("%s -> %s", (d, want) => {
    expect(isPinningDigest(d)).toBe(want);
  });
});
