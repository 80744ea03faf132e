import { describe, expect, it } from "vitest";
import { dateBounds } from "../../src/model/dates.js";
import { derivePositions } from "../../src/normalize/derive-positions.js";
import type { Row } from "../../src/tables/field-types.js";
import type { EventDate } from "../../src/types/meeting.js";

/** A meetings-table row as build-tables makes it: the bounds of the date as given. */
function meeting(id: string, date: EventDate): Row {
  const { start, end } = dateBounds(date);
  return { meeting_id: id, date_start: start, date_end: end };
}

function participant(meeting_id: string, office: string | null, role: string | null = null, person = "p", body = "b"): Row {
  return { meeting_id, person_id: person, body_id: body, role, office };
}

const DATES = ["first_attested_earliest", "first_attested_latest", "last_attested_earliest", "last_attested_latest"] as const;
const datesOf = (row: Row) => Object.fromEntries(DATES.map((k) => [k, row[k]]));

describe("positions: bounds of the first and last attestation, by office", () => {
  it("a single day gives equal earliest and latest days", () => {
    const [row] = derivePositions([meeting("m", "2022-06-28")], [participant("m", "chair")]);
    expect(datesOf(row!)).toEqual({
      first_attested_earliest: "2022-06-28",
      first_attested_latest: "2022-06-28",
      last_attested_earliest: "2022-06-28",
      last_attested_latest: "2022-06-28",
    });
  });

  it("one meeting dated by a range is a bound on both attestations, not a span of office", () => {
    const [row] = derivePositions([meeting("m", { start: "2021-01", end: "2021-03-20" })], [participant("m", "chair")]);
    expect(datesOf(row!)).toEqual({
      first_attested_earliest: "2021-01-01",
      first_attested_latest: "2021-03-20",
      last_attested_earliest: "2021-01-01",
      last_attested_latest: "2021-03-20",
    });
  });

  it("a partial date (a month, a year) is bounded by its first and last day", () => {
    const rows = derivePositions([meeting("a", "2021-02"), meeting("b", "2023")], [participant("a", "chair"), participant("b", "chair")]);
    expect(datesOf(rows[0]!)).toEqual({
      first_attested_earliest: "2021-02-01",
      first_attested_latest: "2021-02-28",
      last_attested_earliest: "2023-01-01",
      last_attested_latest: "2023-12-31",
    });
  });

  it("an open range leaves the latest day of the last attestation empty, and of the first when it is the only meeting", () => {
    const alone = derivePositions([meeting("m", { start: "2023-04-27" })], [participant("m", "chair")]);
    expect(datesOf(alone[0]!)).toEqual({
      first_attested_earliest: "2023-04-27",
      first_attested_latest: null,
      last_attested_earliest: "2023-04-27",
      last_attested_latest: null,
    });
    // With a dated meeting before and after it (in either order), the open one still leaves the last attestation unbounded.
    const meetings = [meeting("open", { start: "2023-04-25" }), meeting("early", "2022-06-28"), meeting("late", { start: "2024-01-23", end: "2024-01-27" })];
    for (const order of [
      ["open", "early", "late"],
      ["early", "late", "open"],
      ["late", "open", "early"],
    ]) {
      const [row] = derivePositions(meetings, order.map((m) => participant(m, "chair")));
      expect(datesOf(row!), order.join()).toEqual({
        first_attested_earliest: "2022-06-28",
        first_attested_latest: "2022-06-28",
        last_attested_earliest: "2024-01-23",
        last_attested_latest: null,
      });
      expect(row!.meeting_count).toBe(3);
    }
  });

  it("the latest first attestation is the least upper bound, not the upper bound of the earliest-starting meeting", () => {
    const [row] = derivePositions(
      [meeting("wide", { start: "2021-01", end: "2021-12" }), meeting("narrow", "2021-06-15")],
      [participant("wide", "chair"), participant("narrow", "chair")],
    );
    expect(row!.first_attested_earliest).toBe("2021-01-01");
    expect(row!.first_attested_latest).toBe("2021-06-15");
    expect(row!.last_attested_earliest).toBe("2021-06-15");
    expect(row!.last_attested_latest).toBe("2021-12-31");
  });

  it("one office worded two ways is one row listing both wordings; another office or body is another row", () => {
    const rows = derivePositions(
      [meeting("a", "2022-06-28"), meeting("b", "2023-05")],
      [
        participant("a", "chair", "speaker of the Mazhilis"),
        participant("b", "chair", "Chairman"),
        participant("b", "vice-chair", "Deputy", "p", "b"),
        participant("b", "chair", "Chair", "p", "other-body"),
      ],
    );
    expect(rows.map((r) => [r.body_id, r.office, r.roles, r.meeting_count])).toEqual([
      ["b", "chair", "Chairman; speaker of the Mazhilis", 2],
      ["b", "vice-chair", "Deputy", 1],
      ["other-body", "chair", "Chair", 1],
    ]);
  });

  it("a participant without an office is not in positions; one with an office and no role has empty roles", () => {
    const rows = derivePositions([meeting("m", "2022-06-28")], [participant("m", null, "Chairman", "x"), participant("m", "chair", null, "y")]);
    expect(rows.map((r) => [r.person_id, r.office, r.roles])).toEqual([["y", "chair", null]]);
  });
});
