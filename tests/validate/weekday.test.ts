import { describe, expect, it } from "vitest";
import { weekdayAgrees } from "../../src/validate/meaning/check-dates.js";
import type { EventDate } from "../../src/types/meeting.js";

/** Each finding as [code, pointer, the day it suggests or ""], in the order the check gives them. */
function findings(date: EventDate, weekday: string): [string, string, string][] {
  return weekdayAgrees("m.yaml", date, weekday).map((d) => [d.code, d.pointer, /is (\d{4}-\d{2}-\d{2})\.$/.exec(d.message)?.[1] ?? ""]);
}

// Weekdays used below: 2021-01-01 and 2021-12-31 Fridays, 2021-03-20 a Saturday; 2022-06-01 a
// Wednesday, 2022-06-28 a Tuesday, 2022-06-30 a Thursday; 2023-04-25 a Tuesday, 2023-04-27 a
// Thursday; 2024-01-23 a Tuesday, 2024-01-24 a Wednesday.
describe("a stated weekday against the date (weekdayAgrees)", () => {
  it("a day agrees with its own weekday and with no other", () => {
    expect(findings("2022-06-28", "tuesday")).toEqual([]);
    expect(findings("2022-06-28", "thursday")).toEqual([["date/weekday-mismatch", "/date", ""]]);
  });

  it("a closed range that holds no such day is a mismatch, whatever its bounds", () => {
    expect(findings({ start: "2024-01-23", end: "2024-01-24" }, "saturday")).toEqual([["date/weekday-mismatch", "/date", ""]]);
    expect(findings({ start: "2024-01-23", end: "2024-01-24" }, "wednesday")).toEqual([["date/weekday-loose", "/date/start", "2024-01-24"]]);
  });

  it("an open range always holds the day: only its start can be tightened, never an end invented", () => {
    expect(findings({ start: "2023-04-25" }, "thursday")).toEqual([["date/weekday-loose", "/date/start", "2023-04-27"]]);
    expect(findings({ start: "2023-04-27" }, "thursday")).toEqual([]);
    // A partial start is bounded by its first day: April 2023 begins on a Saturday.
    expect(findings({ start: "2023-04" }, "saturday")).toEqual([]);
    expect(findings({ start: "2023-04" }, "thursday")).toEqual([["date/weekday-loose", "/date/start", "2023-04-06"]]);
  });

  it("a month or a year is bounded by its first and last day, each checked against the weekday", () => {
    expect(findings("2022-06", "thursday")).toEqual([["date/weekday-loose", "/date", "2022-06-02"]]);
    expect(findings("2022-06", "wednesday")).toEqual([["date/weekday-loose", "/date", "2022-06-29"]]);
    expect(findings("2021", "friday")).toEqual([]);
  });

  it("a range from a month to a day is tightened at both ends to the weekday's nearest days within it", () => {
    expect(findings({ start: "2021-01", end: "2021-03-20" }, "sunday")).toEqual([
      ["date/weekday-loose", "/date/start", "2021-01-03"],
      ["date/weekday-loose", "/date/end", "2021-03-14"],
    ]);
    expect(findings({ start: "2021-01", end: "2021-03-20" }, "friday")).toEqual([["date/weekday-loose", "/date/end", "2021-03-19"]]);
  });

  it("a weekday the check does not know is left to the schema", () => {
    expect(findings("2022-06-28", "Tuesday")).toEqual([]);
  });
});
