import { builtinRules } from "../rules";

/** Catalog version stored with each scan: calendar release + rule count (changes when rules are added). */
export const RULES_VERSION = `2026.11.0+${builtinRules.length}`;
