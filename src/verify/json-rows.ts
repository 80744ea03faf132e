// What a package's JSON tables hold, and how their text is read: kept apart from the descriptor's
// schema (zod), so that verify's worker threads load little.

/** One value of a JSON table row. */
export type JsonCell = string | number | boolean | null;
/** One row of a JSON table file. */
export type JsonRow = Record<string, JsonCell>;

/** Rows of a JSON table file, or what is wrong with it. Checked by hand: zod is slow on 10⁶ rows. */
export function parseJsonRows(text: string): JsonRow[] | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (!Array.isArray(json)) return "not an array of rows";
  for (let i = 0; i < json.length; i++) {
    const row: unknown = json[i];
    if (row === null || typeof row !== "object" || Array.isArray(row)) return `row ${i + 1} is not an object`;
    for (const value of Object.values(row)) {
      if (value !== null && typeof value === "object") return `row ${i + 1} holds a nested value`;
    }
  }
  return json as JsonRow[];
}

/** UTF-8 text of some bytes. */
export function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}
