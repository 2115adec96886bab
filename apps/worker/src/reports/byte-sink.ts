// Renders a file written as many small strings into exactly one buffer: a report over 200 clusters
// is tens of MB of JSON or CSV, and neither one huge string nor a list of chunks joined at the end
// (twice the file's size at once) is kind to the worker's memory. The renderer runs twice: once
// to count the bytes, once to write them into a buffer of that size, which the next file (and the
// PDF writer's output) reuses when it fits: one large buffer alive at a time.

export interface TSink {
  write(s: string): void;
}

export class FileBuffer {
  #buf: Buffer = Buffer.alloc(0);

  /** The bytes `render` writes; a view of the shared buffer, valid until the next render. */
  render(render: (out: TSink) => void): Uint8Array {
    let size = 0;
    render({ write: (s) => void (size += Buffer.byteLength(s, "utf8")) });
    if (this.#buf.length < size) {
      this.#buf = Buffer.alloc(0);
      this.#buf = Buffer.allocUnsafeSlow(size);
    }
    const buf = this.#buf;
    let off = 0;
    render({ write: (s) => void (off += buf.write(s, off, "utf8")) });
    if (off !== size) throw new Error(`report file renderer wrote ${off} bytes after counting ${size}: it must write the same text twice`);
    return new Uint8Array(buf.buffer, buf.byteOffset, size);
  }

  /**
   * Collects a file that arrives in chunks of unknown total size (the PDF writer's output) into
   * the same buffer, growing it when needed; returns a view valid until the next use.
   */
  collector(): { push: (chunk: Uint8Array) => void; bytes: () => Uint8Array } {
    let size = 0;
    return {
      push: (chunk) => {
        if (size + chunk.length > this.#buf.length) {
          const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.#buf.length, size + chunk.length, 1 << 20));
          this.#buf.copy(grown, 0, 0, size);
          this.#buf = grown;
        }
        this.#buf.set(chunk, size);
        size += chunk.length;
      },
      bytes: () => new Uint8Array(this.#buf.buffer, this.#buf.byteOffset, size),
    };
  }
}

/** Renders into a buffer of its own (tests, single files). */
export function renderToBytes(render: (out: TSink) => void): Uint8Array {
  return Uint8Array.from(new FileBuffer().render(render));
}
