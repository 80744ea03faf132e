import type { JsonRow } from "../verify/json-rows.js";

/** The latest release's rows, indexed for pages: each kind by ID, and the links between them. */
export interface SiteModel {
  meetings: JsonRow[];
  meetingById: Map<string, JsonRow>;
  people: Map<string, JsonRow>;
  bodies: Map<string, JsonRow>;
  topics: Map<string, JsonRow>;
  documents: Map<string, JsonRow>;
  visits: Map<string, JsonRow>;
  personNames: Map<string, JsonRow[]>;
  bodyNames: Map<string, JsonRow[]>;
  participantsOf: Map<string, JsonRow[]>;
  meetingsOfPerson: Map<string, string[]>;
  meetingsOfBody: Map<string, string[]>;
  positionsOf: Map<string, JsonRow[]>;
  positionsInBody: Map<string, JsonRow[]>;
  topicsOf: Map<string, string[]>;
  meetingsOfTopic: Map<string, string[]>;
  quotesOf: Map<string, JsonRow[]>;
  documentsOf: Map<string, string[]>;
}

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

function byId(rows: JsonRow[] | undefined, key: string): Map<string, JsonRow> {
  return new Map((rows ?? []).map((r) => [s(r[key]), r]));
}

function grouped<T>(rows: JsonRow[] | undefined, key: string, value: (r: JsonRow) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows ?? []) {
    const k = s(r[key]);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(value(r));
  }
  return out;
}

/** Index a release's tables for its pages; meetings come in date order (then ID). */
export function siteModel(tables: Map<string, JsonRow[]>): SiteModel {
  const meetings = [...(tables.get("meetings") ?? [])].sort((a, b) => (s(a.date_start) < s(b.date_start) ? -1 : s(a.date_start) > s(b.date_start) ? 1 : s(a.meeting_id) < s(b.meeting_id) ? -1 : 1));
  const participants = tables.get("meeting_participants");
  const unique = (m: Map<string, string[]>) => {
    for (const [k, v] of m) m.set(k, [...new Set(v)]);
    return m;
  };
  return {
    meetings,
    meetingById: byId(meetings, "meeting_id"),
    people: byId(tables.get("people"), "person_id"),
    bodies: byId(tables.get("bodies"), "body_id"),
    topics: byId(tables.get("topics"), "topic_id"),
    documents: byId(tables.get("documents"), "document_id"),
    visits: byId(tables.get("visits"), "visit_id"),
    personNames: grouped(tables.get("person_names"), "person_id", (r) => r),
    bodyNames: grouped(tables.get("body_names"), "body_id", (r) => r),
    participantsOf: grouped(participants, "meeting_id", (r) => r),
    meetingsOfPerson: unique(grouped(participants, "person_id", (r) => s(r.meeting_id))),
    meetingsOfBody: unique(grouped(participants, "body_id", (r) => s(r.meeting_id))),
    positionsOf: grouped(tables.get("positions"), "person_id", (r) => r),
    positionsInBody: grouped(tables.get("positions"), "body_id", (r) => r),
    topicsOf: grouped(tables.get("meeting_topics"), "meeting_id", (r) => s(r.topic_id)),
    meetingsOfTopic: grouped(tables.get("meeting_topics"), "topic_id", (r) => s(r.meeting_id)),
    quotesOf: grouped(tables.get("quotes"), "meeting_id", (r) => r),
    documentsOf: grouped(tables.get("meeting_documents"), "meeting_id", (r) => s(r.document_id)),
  };
}

/** A cell as text ("" for a missing value). */
export const cell = s;
