// Collects a file written as many small strings into a few large buffers: a report over 200
// clusters is tens of MB of JSON or CSV, and neither one huge string nor a million small Buffers
// is kind to the heap.
const CHUNK = 1 << 20;

export class ByteSink {
  #parts: Buffer[] = [];
  #pending: string[] = [];
  #pendingLength = 0;
  #size = 0;

  write(s: string): void {
    this.#pending.push(s);
    this.#pendingLength += s.length;
    if (this.#pendingLength >= CHUNK) this.#flush();
  }

  #flush(): void {
    if (!this.#pending.length) return;
    const b = Buffer.from(this.#pending.join(""), "utf8");
    this.#parts.push(b);
    this.#size += b.length;
    this.#pending = [];
    this.#pendingLength = 0;
  }

  /** The file's bytes; the sink is empty afterwards. */
  bytes(): Uint8Array {
    this.#flush();
    const out = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts, this.#size);
    this.#parts = [];
    this.#size = 0;
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}
