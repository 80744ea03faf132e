import type { Row } from "../tables/field-types.js";

/**
 * Positions (person, body, role) attested by meetings: first_seen is the earliest date_start and
 * last_seen the latest date_end among the meetings where the person took part in that role (a
 * meeting with no upper bound counts by its date_start: nothing attests a later day).
 */
export function derivePositions(meetings: readonly Row[], participants: readonly Row[]): Row[] {
  const dates = new Map(meetings.map((m) => [m.meeting_id as string, { start: m.date_start as string, end: (m.date_end ?? m.date_start) as string }]));
  const positions = new Map<string, Row>();
  for (const p of participants) {
    if (p.role === null) continue;
    const when = dates.get(p.meeting_id as string);
    if (!when) continue;
    const key = `${p.person_id}\u0000${p.body_id}\u0000${p.role}`;
    const row = positions.get(key);
    if (!row) {
      positions.set(key, { person_id: p.person_id!, body_id: p.body_id!, role: p.role!, first_seen: when.start, last_seen: when.end, meeting_count: 1 });
      continue;
    }
    if (when.start < (row.first_seen as string)) row.first_seen = when.start;
    if (when.end > (row.last_seen as string)) row.last_seen = when.end;
    row.meeting_count = (row.meeting_count as number) + 1;
  }
  return [...positions.values()];
}
