/**
 * Text written straight into a growing buffer as UTF-8, a piece at a time (each piece encoded as
 * Buffer.from encodes it: a lone surrogate is U+FFFD): no string of a whole file is made. Joining a file's pieces into one string and encoding that cost the writers twice
 * as long (flattening a million small strings), and held the file twice in memory.
 *
 * The buffer written into is kept for the next sink of the thread, and only the finished bytes
 * are allocated afresh: V8 runs a full collection for about every 64 MB of buffers allocated, and
 * with a package's rows in the heap each costs some 100 ms.
 */
export class ByteSink {
  private buffer: Buffer;
  /** Bytes written so far. */
  length = 0;
  private done = false;

  constructor(expectedBytes = 1 << 16) {
    const spare = ByteSink.spare;
    ByteSink.spare = undefined;
    this.buffer = spare && spare.length >= expectedBytes ? spare : Buffer.allocUnsafe(Math.max(expectedBytes, spare?.length ?? 0));
  }

  /** The buffer the last finished sink left, for the next. */
  private static spare: Buffer | undefined;

  /** Let the kept buffer go, once this thread writes no more. */
  static releaseSpare(): void {
    ByteSink.spare = undefined;
  }

  write(text: string): void {
    // A UTF-16 code unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four).
    const most = text.length * 3;
    if (this.length + most > this.buffer.length) this.grow(most);
    this.length += this.buffer.write(text, this.length, "utf8");
  }

  /** The bytes written, in a buffer of their own and their exact length. The sink is done with. */
  bytes(): Uint8Array {
    if (this.done) throw new Error("ByteSink.bytes called twice");
    this.done = true;
    const out = new Uint8Array(this.length);
    out.set(this.buffer.subarray(0, this.length));
    if (!ByteSink.spare || ByteSink.spare.length < this.buffer.length) ByteSink.spare = this.buffer;
    return out;
  }

  private grow(atLeast: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + atLeast));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}
