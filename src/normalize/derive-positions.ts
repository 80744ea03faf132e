import type { Row } from "../tables/field-types.js";

/** A meeting's dates as the meetings table gives them: its first and last possible day (end null when open). */
interface Span {
  start: string;
  end: string | null;
}

/**
 * Offices (person, body, office) attested by the meetings a person took part in, keyed by the
 * office the participants record (`office:`), never by the role's wording. A meeting is known
 * only within its date_start … date_end, so no attestation is one day unless its meeting is: each
 * of the first and last attestation is given as the earliest and latest day it can have been.
 *
 * - first_attested_earliest: the earliest date_start (no attestation can be before it);
 * - first_attested_latest: the earliest date_end (the first attestation is no later than any
 *   meeting's last possible day); empty when no attesting meeting has an upper bound;
 * - last_attested_earliest: the latest date_start (the last attestation is no earlier than any
 *   meeting's first possible day);
 * - last_attested_latest: the latest date_end; empty when any attesting meeting is open-ended.
 *
 * A participant without an office is not counted: its role stays in meeting_participants.
 */
export function derivePositions(meetings: readonly Row[], participants: readonly Row[]): Row[] {
  const dates = new Map<string, Span>(meetings.map((m) => [m.meeting_id as string, { start: m.date_start as string, end: (m.date_end ?? null) as string | null }]));
  // By person, body and office in turn: the records' own strings are the keys.
  const positions = new Map<string, Map<string, Map<string, { row: Row; roles: Set<string>; open: boolean }>>>();
  const all: { row: Row; roles: Set<string>; open: boolean }[] = [];
  for (const p of participants) {
    if (p.office === null || p.office === undefined) continue;
    const when = dates.get(p.meeting_id as string);
    if (!when) continue;
    const person = p.person_id as string;
    const body = p.body_id as string;
    const office = p.office as string;
    let byBody = positions.get(person);
    if (!byBody) positions.set(person, (byBody = new Map()));
    let byOffice = byBody.get(body);
    if (!byOffice) byBody.set(body, (byOffice = new Map()));
    const found = byOffice.get(office);
    const role = (p.role ?? null) as string | null;
    if (!found) {
      const row: Row = {
        person_id: person,
        body_id: body,
        office,
        roles: null,
        first_attested_earliest: when.start,
        first_attested_latest: when.end,
        last_attested_earliest: when.start,
        last_attested_latest: when.end,
        meeting_count: 1,
      };
      const made = { row, roles: new Set(role === null ? [] : [role]), open: when.end === null };
      byOffice.set(office, made);
      all.push(made);
      continue;
    }
    const row = found.row;
    if (role !== null) found.roles.add(role);
    if (when.start < (row.first_attested_earliest as string)) row.first_attested_earliest = when.start;
    if (when.start > (row.last_attested_earliest as string)) row.last_attested_earliest = when.start;
    if (when.end !== null) {
      const firstLatest = row.first_attested_latest as string | null;
      if (firstLatest === null || when.end < firstLatest) row.first_attested_latest = when.end;
      const lastLatest = row.last_attested_latest as string | null;
      if (!found.open && lastLatest !== null && when.end > lastLatest) row.last_attested_latest = when.end;
    } else {
      found.open = true;
    }
    row.meeting_count = (row.meeting_count as number) + 1;
  }
  for (const { row, roles, open } of all) {
    if (open) row.last_attested_latest = null;
    row.roles = roles.size === 0 ? null : [...roles].sort(compareCodeUnits).join("; ");
  }
  return all.map((p) => p.row);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
