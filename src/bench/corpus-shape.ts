/** How many records of each kind a synthetic corpus holds. */
export interface CorpusShape {
  meetings: number;
  people: number;
  bodies: number;
  documents: number;
  topics: number;
  visits: number;
  /** How many of the meetings belong to a visit (the rest stand alone). */
  meetingsInVisits: number;
}

/**
 * The documented proportions, scaled from the meeting count: at 100,000 meetings, 20,000 people,
 * 2,000 bodies, 1,000 documents, 500 topics and 5,000 visits holding a quarter of the meetings.
 * The minimums keep a tiny corpus able to show every feature (parent chains, both sides, visits).
 */
export function corpusShape(meetings: number): CorpusShape {
  if (!Number.isInteger(meetings) || meetings < 1) throw new RangeError(`meetings must be a positive integer, not ${meetings}`);
  const visits = Math.max(2, Math.round(meetings / 20));
  return {
    meetings,
    people: Math.max(24, Math.round(meetings / 5)),
    bodies: Math.max(24, Math.round(meetings / 50)),
    documents: Math.max(12, Math.round(meetings / 100)),
    topics: Math.max(30, Math.round(meetings / 200)),
    visits,
    meetingsInVisits: Math.min(Math.round(meetings / 4), visits * 8),
  };
}
