import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/bench/prng.js";
import { derivePositions } from "../../src/normalize/derive-positions.js";
import { sortRows } from "../../src/normalize/sort-rows.js";
import type { Cell, Row } from "../../src/tables/field-types.js";

// sortRows takes a short cut on rows already in order of the first key column; whatever the rows,
// the order must be that of one stable sort by every key column.
const compare = (a: Cell, b: Cell) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
const plainSort = (rows: Row[], key: readonly string[]) =>
  [...rows].sort((a, b) => {
    for (const k of key) {
      const order = compare(a[k] ?? null, b[k] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });

describe("sortRows", () => {
  it("orders rows as one stable sort by the key does: rows in order of the first column or not, repeated keys, nulls", () => {
    const random = createRandom(11);
    for (let n = 0; n < 300; n++) {
      const rows: Row[] = Array.from({ length: random.int(0, 60) }, (_, i) => ({
        a: random.pick(["m1", "m2", "m3", "m10", null]),
        b: random.pick(["x", "y", "é", null]),
        c: random.int(0, 3),
        seq: i,
      }));
      // Half the time the rows come in order of the first column, as normalization makes them.
      if (random.chance(0.5)) rows.sort((p, q) => compare(p.a ?? null, q.a ?? null));
      const key = random.pick([["a"], ["a", "b"], ["a", "b", "c"], ["b", "a"], []]);
      expect(sortRows([...rows], key), JSON.stringify({ n, key })).toEqual(key.length === 0 ? rows : plainSort(rows, key));
    }
  });
});

describe("derivePositions", () => {
  it("finds the same positions, dates and counts whatever order the participants come in", () => {
    const meetings: Row[] = [
      { meeting_id: "m1", date_start: "2001-01-01", date_end: "2001-01-03" },
      { meeting_id: "m2", date_start: "1999-05-01", date_end: null },
      { meeting_id: "m3", date_start: "2005-02-02", date_end: "2005-02-02" },
    ];
    const participants: Row[] = [
      { meeting_id: "m1", person_id: "p", body_id: "b", role: "Chair", office: "chair" },
      { meeting_id: "m2", person_id: "p", body_id: "b", role: "Speaker", office: "chair" },
      { meeting_id: "m2", person_id: "q", body_id: "b", role: "Member", office: null },
      { meeting_id: "m3", person_id: "p", body_id: "b", role: "Chair", office: "chair" },
      { meeting_id: "m3", person_id: "p", body_id: "c", role: null, office: "chair" },
      { meeting_id: "m9", person_id: "p", body_id: "b", role: "Chair", office: "chair" },
    ];
    const expected = [
      {
        person_id: "p",
        body_id: "b",
        office: "chair",
        roles: "Chair; Speaker",
        first_attested_earliest: "1999-05-01",
        first_attested_latest: "2001-01-03",
        last_attested_earliest: "2005-02-02",
        last_attested_latest: null,
        meeting_count: 3,
      },
      {
        person_id: "p",
        body_id: "c",
        office: "chair",
        roles: null,
        first_attested_earliest: "2005-02-02",
        first_attested_latest: "2005-02-02",
        last_attested_earliest: "2005-02-02",
        last_attested_latest: "2005-02-02",
        meeting_count: 1,
      },
    ];
    const byKey = (rows: Row[]) => sortRows(rows, ["person_id", "body_id", "office"]);
    expect(derivePositions(meetings, participants)).toEqual(expected);
    expect(byKey(derivePositions(meetings, [...participants].reverse()))).toEqual(expected);
  });
});
