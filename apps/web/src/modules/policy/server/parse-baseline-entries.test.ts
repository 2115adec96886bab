import { BUILTIN_BASELINE } from "@bulwark/rules";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { parseBaselineEntries } from "./parse-baseline-entries";

const OWN = `- id: acme-agent
  title: ACME node agent
  reason: Reads the host's process table to report on it.
  namespaces: [acme-system]
  kinds: [DaemonSet]
  names: [acme-agent]
  images: [ghcr.io/acme/agent]
`;

describe("parseBaselineEntries", () => {
  it("reads a YAML list, a JSON list or { entries }, and the built-in entries as written", () => {
    const yaml = parseBaselineEntries(OWN);
    expect(yaml).toEqual({ ok: true, entries: [expect.objectContaining({ id: "acme-agent", kinds: ["DaemonSet"], images: ["ghcr.io/acme/agent"] })] });
    const entries = yaml.ok ? yaml.entries : [];
    expect(parseBaselineEntries(JSON.stringify(entries))).toEqual({ ok: true, entries });
    expect(parseBaselineEntries(JSON.stringify({ entries }))).toEqual({ ok: true, entries });
    const builtin = parseBaselineEntries(stringify(BUILTIN_BASELINE));
    expect(builtin.ok && builtin.entries.map((e) => e.id)).toEqual(BUILTIN_BASELINE.map((e) => e.id));
  });

  it("names the entry, the field and the line of each problem", () => {
    const bad = parseBaselineEntries(`${OWN}- id: Bad Id
  title: x
  reason: y
  namespaces: [kube-system]
  kinds: [daemonset]
  names: [x]
  images: []
`);
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors;
    expect(errors).toContainEqual(expect.stringMatching(/^line 8: entry 2 \(Bad Id\): id: kebab-case/));
    expect(errors).toContainEqual(expect.stringMatching(/^line 12: entry 2 \(Bad Id\): kinds\.0: a Kubernetes kind/));
    expect(errors).toContainEqual(expect.stringMatching(/^line 14: entry 2 \(Bad Id\): images: /));
    // A missing field points at its entry; an unknown one is refused; ids are unique.
    expect(parseBaselineEntries("- id: a\n  title: t\n")).toEqual({ ok: false, errors: expect.arrayContaining([expect.stringMatching(/^line 1: entry 1 \(a\): reason: /)]) });
    expect(parseBaselineEntries(OWN.replace("  title:", "  colour: red\n  title:"))).toEqual({ ok: false, errors: [expect.stringMatching(/entry 1 \(acme-agent\): .*colour/)] });
    expect(parseBaselineEntries(OWN + OWN)).toEqual({ ok: false, errors: [expect.stringMatching(/^line 8: entry 2 \(acme-agent\): the id is used by entry 1 too/)] });
  });

  it("reports YAML syntax errors with their line, and what is not a list", () => {
    expect(parseBaselineEntries("- id: a\n  title: [unclosed\n")).toEqual({ ok: false, errors: [expect.stringMatching(/^line \d+: /)] });
    expect(parseBaselineEntries("id: a")).toEqual({ ok: false, errors: ["expected a list of entries (or an object with an entries list)"] });
  });
});
