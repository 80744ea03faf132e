import type { Cell, Row } from "../tables/field-types.js";

/**
 * Sort rows in place by the given key columns, comparing by code unit (locale-independent); rows
 * with equal keys keep their order. Rows already in order of the first column (as normalization
 * makes them, record by record in id order) have only their runs of one first value sorted, by
 * the other columns: the same order as sorting them all, in one pass and many small sorts.
 */
export function sortRows(rows: Row[], key: readonly string[]): Row[] {
  if (key.length === 0) return rows;
  const [first, ...rest] = key as [string, ...string[]];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length) {
      const order = compareCells(rows[i - 1]![first] ?? null, rows[i]![first] ?? null);
      if (order > 0) return rows.sort(byColumns(key));
      if (order === 0) continue;
    }
    if (i - start > 1 && rest.length > 0) {
      const run = rows.slice(start, i).sort(byColumns(rest));
      for (let k = 0; k < run.length; k++) rows[start + k] = run[k]!;
    }
    start = i;
  }
  return rows;
}

function byColumns(key: readonly string[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const column of key) {
      const order = compareCells(a[column] ?? null, b[column] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
