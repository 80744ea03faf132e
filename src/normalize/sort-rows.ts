import type { Cell, Row } from "../tables/field-types.js";

/** Sort rows in place by the given key columns, comparing by code unit (locale-independent). */
export function sortRows(rows: Row[], key: readonly string[]): Row[] {
  return rows.sort((a, b) => {
    for (const column of key) {
      const order = compareCells(a[column] ?? null, b[column] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
