import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { writeGzipPieces } from "../../src/release/gzip-pieces.js";
import { scratchDir } from "./helpers.js";

const scratch = scratchDir("gzip-pieces");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** 10,000 bytes of text that compresses, but not to nothing. */
const DATA = Buffer.from(Array.from({ length: 2000 }, (_, i) => `${(i * 7919) % 1000}`.padStart(4, "0") + "\n").join(""));

async function* chunks(data: Buffer, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield new Uint8Array(data.subarray(at, at + size));
    at += size;
  }
}

/** The file expected: each `piece` bytes of `data` gzipped alone at level 9, OS byte 255, one after another. */
function membersOf(data: Buffer, piece: number): Buffer {
  const members: Buffer[] = [];
  for (let at = 0; at < data.length; at += piece) {
    const member = gzipSync(data.subarray(at, at + piece), { level: 9 });
    member[9] = 0xff;
    members.push(member);
  }
  return Buffer.concat(members);
}

describe("writeGzipPieces", () => {
  it("writes fixed-size pieces as gzip members in order, which read back as the whole stream", async () => {
    const file = path.join(scratch, "pieces.gz");
    await writeGzipPieces(chunks(DATA, [3000]), file, 1000);
    const bytes = readFileSync(file);
    expect(gunzipSync(bytes).equals(DATA)).toBe(true);
    expect(bytes.equals(membersOf(DATA, 1000))).toBe(true);
    expect([...bytes.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
  });

  it("gives the same bytes however the stream delivers them", async () => {
    const one = path.join(scratch, "one.gz");
    const odd = path.join(scratch, "odd.gz");
    await writeGzipPieces(chunks(DATA, [DATA.length]), one, 1000);
    await writeGzipPieces(chunks(DATA, [1, 999, 7, 1500, 2]), odd, 1000);
    expect(readFileSync(odd).equals(readFileSync(one))).toBe(true);
  });

  it("writes an empty stream as one empty member, and never replaces a file", async () => {
    const empty = path.join(scratch, "empty.gz");
    await writeGzipPieces(chunks(Buffer.alloc(0), [1]), empty, 1000);
    expect(gunzipSync(readFileSync(empty))).toHaveLength(0);
    const kept = path.join(scratch, "kept.gz");
    writeFileSync(kept, "not ours");
    await expect(writeGzipPieces(chunks(DATA, [100]), kept, 1000)).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(kept, "utf8")).toBe("not ours");
  });
});
