// temporary experiment (helper "engine"); deleted before the report
import { benchEngine } from "./engine.bench";
import { evaluate } from "@bulwark/rules";
const g = (globalThis as any).gc;
const orig = evaluate;
console.log(process.argv[2], JSON.stringify(benchEngine(Number(process.argv[3] ?? 100000), "corpus")));
