#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, like every other package here (no build step).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
