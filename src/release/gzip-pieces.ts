import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

/** The uncompressed size of each gzip member: large enough that the split costs well under 0.1 % of the size. */
export const PIECE_BYTES = 4 << 20;

/**
 * Writes a byte stream to a new file as gzip, compressed in parallel: the stream is cut into
 * pieces of `PIECE_BYTES` (by count, not by how the stream happens to deliver them, so the same
 * bytes always give the same file), each compressed at level 9 on libuv's thread pool as a gzip
 * member of its own, and the members written in order. A file of several members is one gzip
 * file (RFC 1952, 2.2): gunzip, Node's zlib, Python's gzip and R read it as the whole stream, as
 * they read pigz's. Each header's OS byte is 255 ("unknown"), as node-tar's portable mode writes
 * it, so the bytes do not depend on the platform. At most one piece per core waits at a time.
 */
export async function writeGzipPieces(source: AsyncIterable<Uint8Array>, file: string, pieceBytes = PIECE_BYTES): Promise<void> {
  const out = await open(file, "wx", 0o644);
  try {
    const pending: Promise<Buffer>[] = [];
    const inFlight = availableParallelism() + 1;
    const compress = async (piece: Buffer) => {
      const member = compressPiece(piece);
      member.catch(() => undefined); // awaited in order below; this only keeps an early failure from counting as unhandled
      pending.push(member);
      if (pending.length > inFlight) await out.write(await pending.shift()!);
    };
    let held: Buffer[] = [];
    let size = 0;
    let pieces = 0;
    for await (const chunk of source) {
      held.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      size += chunk.byteLength;
      if (size < pieceBytes) continue;
      const all = Buffer.concat(held, size);
      let at = 0;
      for (; size - at >= pieceBytes; at += pieceBytes, pieces++) await compress(all.subarray(at, at + pieceBytes));
      held = at < size ? [all.subarray(at)] : [];
      size -= at;
    }
    if (size > 0 || pieces === 0) await compress(Buffer.concat(held, size));
    while (pending.length) await out.write(await pending.shift()!);
  } finally {
    await out.close();
  }
}

async function compressPiece(piece: Buffer): Promise<Buffer> {
  const member = await gzipAsync(piece, { level: 9 });
  member[9] = 0xff;
  return member;
}
