import type { Row } from "../tables/field-types.js";

/**
 * Positions (person, body, role) attested by meetings: first_seen is the earliest date_start and
 * last_seen the latest date_end among the meetings where the person took part in that role (a
 * meeting with no upper bound counts by its date_start: nothing attests a later day).
 */
export function derivePositions(meetings: readonly Row[], participants: readonly Row[]): Row[] {
  const dates = new Map(meetings.map((m) => [m.meeting_id as string, { start: m.date_start as string, end: (m.date_end ?? m.date_start) as string }]));
  // By person, body and role in turn: the records' own strings are the keys (their hashes kept),
  // where one joined key a participant would be a new string to hash.
  const positions = new Map<string, Map<string, Map<string, Row>>>();
  const all: Row[] = [];
  let lastMeeting: string | undefined;
  let when: { start: string; end: string } | undefined;
  for (const p of participants) {
    if (p.role === null || p.role === undefined) continue;
    // A meeting's participants come together: its dates are looked up once.
    if (p.meeting_id !== lastMeeting) {
      lastMeeting = p.meeting_id as string;
      when = dates.get(lastMeeting);
    }
    if (!when) continue;
    const person = p.person_id as string;
    const body = p.body_id as string;
    const role = p.role as string;
    let byBody = positions.get(person);
    if (!byBody) positions.set(person, (byBody = new Map()));
    let byRole = byBody.get(body);
    if (!byRole) byBody.set(body, (byRole = new Map()));
    const row = byRole.get(role);
    if (!row) {
      const made: Row = { person_id: person, body_id: body, role, first_seen: when.start, last_seen: when.end, meeting_count: 1 };
      byRole.set(role, made);
      all.push(made);
      continue;
    }
    if (when.start < (row.first_seen as string)) row.first_seen = when.start;
    if (when.end > (row.last_seen as string)) row.last_seen = when.end;
    row.meeting_count = (row.meeting_count as number) + 1;
  }
  return all;
}
