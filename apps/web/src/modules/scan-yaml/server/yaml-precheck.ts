// A linear look at pasted YAML before anything parses it: deeply nested input (thousands of "- - -"
// or "[[[[") makes the parser recurse and the engine walk every level, for no Kubernetes object
// needs it. Counts block nesting by indentation and "- " prefixes, and flow nesting by brackets
// outside quotes and comments; block scalar bodies (| and >) are text, not structure.

/** Deeper than any Kubernetes object, CRD schemas included. */
export const MAX_YAML_DEPTH = 100;

const BLOCK_SCALAR = /(?:^|[\s:-])[|>][+-]?\d?[+-]?\s*(?:#.*)?$/;

/** Returns why the text is refused, or undefined. */
export function precheckYaml(text: string, maxDepth = MAX_YAML_DEPTH): string | undefined {
  const indents: number[] = [];
  let flow = 0;
  let scalarIndent = -1;
  let lineNo = 0;
  for (const raw of text.split("\n")) {
    lineNo++;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === "#") continue;
    if (scalarIndent >= 0) {
      if (indent > scalarIndent) continue;
      scalarIndent = -1;
    }
    if (flow === 0) {
      if (line.startsWith("---", 0) || line.startsWith("...", 0)) {
        indents.length = 0;
        continue;
      }
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // "- - - x" opens one sequence per dash on a single line.
      let col = indent;
      while (line[col] === "-" && (line[col + 1] === " " || col + 1 === line.length)) {
        col += 2;
        while (line[col] === " ") col++;
        indents.push(col);
      }
      if (indents.length > maxDepth) return `The YAML nests deeper than ${maxDepth} levels (line ${lineNo}); no Kubernetes object needs that.`;
    }
    let quote = "";
    for (let i = indent; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === "\\" && quote === '"') i++;
        else if (c === quote) quote = "";
        continue;
      }
      if (c === '"' || c === "'") {
        // A quote starts a scalar only at a value's start; inside plain text it is a character.
        const prev = i === indent ? " " : line[i - 1]!;
        if (" [{,:-".includes(prev)) quote = c;
      } else if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
      else if (c === "[" || c === "{") {
        flow++;
        if (indents.length + flow > maxDepth) return `The YAML nests deeper than ${maxDepth} levels (line ${lineNo}); no Kubernetes object needs that.`;
      } else if ((c === "]" || c === "}") && flow > 0) flow--;
    }
    if (flow === 0 && BLOCK_SCALAR.test(line)) scalarIndent = indent;
  }
  return undefined;
}
