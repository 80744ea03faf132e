import { dateBounds, formatDate } from "../model/dates.js";
import type { SourceIndex } from "../model/source-index.js";
import type { EventDate, Meeting } from "../types/meeting.js";
import type { RecordedName } from "../types/person.js";
import type { Row, Tables } from "../tables/field-types.js";
import { TABLES } from "../tables/table-definitions.js";
import { sortRows } from "./sort-rows.js";
import { derivePositions } from "./derive-positions.js";

/**
 * Normalize checked records into the published tables: long, tidy, one row per fact, each
 * table sorted by its primary key. Pure: the same index always gives the same rows.
 */
export function buildTables(index: SourceIndex): Tables {
  const t: Tables = Object.fromEntries(TABLES.map((table) => [table.name, [] as Row[]]));
  const documentLanguage = new Map([...index.document].map(([id, e]) => [id, e.record.language]));

  for (const { record: d } of inIdOrder(index.document)) {
    t.documents!.push({
      document_id: d.id,
      title: d.title,
      title_editorial: d.title_basis === "editorial",
      publisher: d.publisher ?? null,
      published: d.published === undefined ? null : formatDate(d.published),
      updated: d.updated === undefined ? null : formatDate(d.updated),
      url: d.url ?? null,
      language: d.language,
      sha256: d.sha256 ?? null,
    });
  }
  for (const { record: p } of inIdOrder(index.person)) {
    t.people!.push({ person_id: p.id, name: p.name, country: p.country });
    t.person_names!.push(...nameRows("person_id", p.id, p.name, p.names));
  }
  for (const { record: b } of inIdOrder(index.body)) {
    t.bodies!.push({
      body_id: b.id,
      name: b.name,
      abbreviation: b.abbreviation ?? null,
      country: b.country,
      classification: b.classification,
      parent_body_id: b.parent ?? null,
    });
    t.body_names!.push(...nameRows("body_id", b.id, b.name, b.names, b.abbreviation));
  }
  for (const { record: topic } of inIdOrder(index.topic)) {
    t.topics!.push({
      topic_id: topic.id,
      label: topic.label,
      parent_topic_id: topic.parent ?? null,
      description: topic.description,
      aliases: topic.aliases?.length ? topic.aliases.join("; ") : null,
    });
  }
  for (const { record: v } of inIdOrder(index.visit)) {
    t.visits!.push({
      visit_id: v.id,
      title: v.title,
      ...dateColumns(v.date),
      delegation_body_id: v.delegation.body,
      leader_person_id: v.delegation.leader ?? null,
      host_country: v.host_country,
      cities: v.cities?.length ? v.cities.join("; ") : null,
      summary: v.summary ?? null,
      note: v.note ?? null,
    });
    for (const topic of v.topics ?? []) t.visit_topics!.push({ visit_id: v.id, topic_id: topic });
    for (const q of v.quotes ?? []) {
      t.visit_quotes!.push({
        quote_id: q.id,
        visit_id: v.id,
        person_id: q.speaker ?? null,
        side: q.side,
        kind: q.kind,
        text: q.text,
        language: q.language ?? documentLanguage.get(q.document) ?? "und",
        document_id: q.document,
      });
    }
    for (const document of v.documents) t.visit_documents!.push({ visit_id: v.id, document_id: document });
  }
  for (const { record: m } of inIdOrder(index.meeting)) {
    t.meetings!.push(meetingRow(m));
    for (const p of m.participants) {
      t.meeting_participants!.push({ meeting_id: m.id, person_id: p.person, body_id: p.body, role: p.role ?? null, office: p.office ?? null, side: p.side });
    }
    for (const topic of m.topics ?? []) t.meeting_topics!.push({ meeting_id: m.id, topic_id: topic });
    for (const q of m.quotes ?? []) {
      t.quotes!.push({
        quote_id: q.id,
        meeting_id: m.id,
        person_id: q.speaker,
        kind: q.kind,
        text: q.text,
        language: q.language ?? documentLanguage.get(q.document) ?? "und",
        document_id: q.document,
      });
    }
    for (const document of m.documents) t.meeting_documents!.push({ meeting_id: m.id, document_id: document });
  }
  t.positions = derivePositions(t.meetings!, t.meeting_participants!);
  for (const table of TABLES) sortRows(t[table.name]!, table.primaryKey);
  return t;
}

/**
 * A kind's entries in the order of their ids (by code unit): each table then comes out sorted by
 * its key, or nearly (rows of one record in the record's order), which sorting by the key finds
 * in one pass rather than many.
 */
function inIdOrder<T>(entries: ReadonlyMap<string, T>): T[] {
  return [...entries.keys()].sort(compareCodeUnits).map((id) => entries.get(id)!);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A meeting's row in the meetings table: the only row its free text (title, summary, note,
 * format; see tree-facts.ts) goes into, which lets a build patch this row alone after such an edit.
 */
export function meetingRow(m: Meeting): Row {
  return {
    meeting_id: m.id,
    title: m.title,
    ...dateColumns(m.date),
    format: m.format,
    city: m.location?.city ?? null,
    country: m.location?.country ?? null,
    visit_id: m.visit ?? null,
    participant_count: m.participants.length,
    summary: m.summary,
    note: m.note ?? null,
  };
}

/** The date as given, the full days that bound it and its precision: the four date columns. */
function dateColumns(date: EventDate): Row {
  const bounds = dateBounds(date);
  return { date: formatDate(date), date_start: bounds.start, date_end: bounds.end, date_precision: bounds.precision };
}

/** One row per recorded spelling; the one equal to the canonical name is `canonical`. */
function nameRows(key: string, id: string, canonical: string, names: readonly RecordedName[], abbreviation?: string): Row[] {
  return names.map((n) => ({
    [key]: id,
    name: n.name,
    lang: n.lang,
    kind: n.name === canonical ? "canonical" : n.kind === "abbreviation" || n.name === abbreviation ? "abbreviation" : "variant",
    document_id: n.document ?? null,
    editorial: n.basis === "editorial",
    note: n.note ?? null,
  }));
}
