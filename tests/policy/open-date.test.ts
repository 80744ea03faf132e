import { describe, expect, it } from "vitest";
import { dateBounds, dateParts, formatDate } from "../../src/model/dates.js";

describe("a date range with no upper bound", () => {
  it("keeps its end open: formatted start/.., bounded below only", () => {
    expect(formatDate({ start: "2023-04-25" })).toBe("2023-04-25/..");
    expect(dateBounds({ start: "2023-04" })).toEqual({ start: "2023-04-01", end: null, precision: "range" });
    expect(dateParts({ start: "2023-04-25" })).toEqual([{ value: "2023-04-25", pointer: "/start" }]);
  });

  it("closed ranges and partial dates are unchanged", () => {
    expect(formatDate({ start: "2024-01-23", end: "2024-01-27" })).toBe("2024-01-23/2024-01-27");
    expect(dateBounds("2021-02")).toEqual({ start: "2021-02-01", end: "2021-02-28", precision: "month" });
  });
});
