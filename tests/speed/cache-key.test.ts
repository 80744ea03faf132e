import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cacheKey } from "../../src/speed/cache-key.js";

describe("the cache key", () => {
  it("is the SHA-256 of the toolkit digest, the kind and the bytes, each part ended by NUL but the bytes", () => {
    const bytes = new TextEncoder().encode("id: x\nlabel: Қазақстан\n");
    const expected = createHash("sha256").update("abc123").update("\0").update("topic").update("\0").update(bytes).digest("hex");
    expect(cacheKey("abc123", "topic", bytes)).toBe(expected);
    expect(cacheKey("abc123", "person", bytes)).not.toBe(expected);
  });
});
