import type { FieldDef, ForeignKeyDef, TableDef } from "./field-types.js";

// Table Schema patterns are XML Schema regular expressions: anchored implicitly, so no ^ and $.
const ID = "[a-z0-9]+(-[a-z0-9]+)*";
const PARTIAL_DATE = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";
const DATE_AS_GIVEN = `${PARTIAL_DATE}(/(${PARTIAL_DATE}|\\.\\.))?`;
const COUNTRY = "[A-Z]{2}";

const id = (name: string, description: string): FieldDef => ({ name, type: "string", description, pattern: ID, required: true });
const ref = (name: string, description: string, required = true): FieldDef => ({ name, type: "string", description, pattern: ID, required });
const fk = (fields: string[], table: string, refFields: string[] = fields): ForeignKeyDef => ({ fields, reference: { table, fields: refFields } });

const precision: FieldDef = {
  name: "date_precision",
  type: "string",
  description: "How precisely the sources date it: day, month, year, or range (bounded by two dates).",
  required: true,
  categories: ["day", "month", "year", "range"],
};
const dateColumns = (what: string): FieldDef[] => [
  { name: "date", type: "string", description: `When the ${what} took place, exactly as precise as the sources give it (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, an interval start/end, or start/.. when nothing bounds its end).`, required: true, pattern: DATE_AS_GIVEN },
  {
    name: "date_start",
    type: "date",
    description: `The first day the ${what} can have taken place on, given the date's precision: a bound, not the day, unless date_precision is day. To count by year, count a row in a year only when date_start and date_end fall in it; a row whose date_end is empty (no upper bound) or in a later year has an unknown year.`,
    required: true,
  },
  { name: "date_end", type: "date", description: `The last day the ${what} can have taken place on, given the date's precision; empty when the sources give no upper bound (an open range: the year is not known).` },
  precision,
];
const names = (owner: "person" | "body", table: string): TableDef => ({
  name: `${owner === "person" ? "person" : "body"}_names`,
  title: `${owner === "person" ? "Person" : "Body"} names`,
  description: `Every spelling of each ${owner}'s name that the sources use, with its language and the document that attests it.`,
  fields: [
    ref(`${owner}_id`, `The ${owner} (see ${table}).`),
    { name: "name", type: "string", description: "The name exactly as written.", required: true },
    { name: "lang", type: "string", description: "The language and script of the spelling (BCP-47 tag).", required: true },
    { name: "kind", type: "string", description: "canonical (the name used in the main table), variant (another spelling) or abbreviation.", required: true, categories: ["canonical", "variant", "abbreviation"] },
    ref("document_id", "The document that writes the name this way; empty for an editorial name.", false),
    { name: "editorial", type: "boolean", description: "True when no document gives the name and the project recorded it editorially (see note).", required: true },
    { name: "note", type: "string", description: "Why an editorial name is recorded, or any remark on the spelling." },
  ],
  primaryKey: [`${owner}_id`, "name", "lang"],
  foreignKeys: [fk([`${owner}_id`], table), fk(["document_id"], "documents")],
});

/** Every published table: the one definition the writers, the descriptor and the data dictionary read. */
export const TABLES: readonly TableDef[] = [
  {
    name: "meetings",
    title: "Meetings",
    description: "One row per meeting between Chinese and Kazakh officials.",
    fields: [
      id("meeting_id", "The meeting's stable identifier."),
      { name: "title", type: "string", description: "A short descriptive title (the project's own words).", required: true },
      ...dateColumns("meeting"),
      { name: "format", type: "string", description: "How it was held: in-person, video or phone.", required: true, categories: ["in-person", "video", "phone"] },
      { name: "city", type: "string", description: "The city it took place in, where the sources state it." },
      { name: "country", type: "string", description: "The country it took place in (ISO 3166-1 alpha-2), where the sources state it.", pattern: COUNTRY },
      ref("visit_id", "The visit it was part of (see visits), if any.", false),
      { name: "participant_count", type: "integer", description: "How many participants the sources name.", required: true, minimum: 1 },
      { name: "summary", type: "string", description: "What was discussed, in the project's own words.", required: true },
      { name: "note", type: "string", description: "Editorial note, e.g. how the date was deduced from the text." },
    ],
    primaryKey: ["meeting_id"],
    foreignKeys: [fk(["visit_id"], "visits")],
  },
  {
    name: "visits",
    title: "Visits",
    description: "Delegation trips that held several meetings.",
    fields: [
      id("visit_id", "The visit's stable identifier."),
      { name: "title", type: "string", description: "A short descriptive title (the project's own words).", required: true },
      ...dateColumns("visit"),
      ref("delegation_body_id", "The body the visiting delegation represented (see bodies)."),
      ref("leader_person_id", "Who led the delegation (see people), where the sources say.", false),
      { name: "host_country", type: "string", description: "The country visited (ISO 3166-1 alpha-2).", required: true, pattern: COUNTRY },
      { name: "cities", type: "string", description: "The cities visited as the sources name them, separated by '; '." },
      { name: "summary", type: "string", description: "What the sources report of the visit as a whole (not of one of its meetings), in the project's own words; empty when they report nothing beyond its meetings." },
      { name: "note", type: "string", description: "Editorial note, e.g. how the dates were deduced." },
    ],
    primaryKey: ["visit_id"],
    foreignKeys: [fk(["delegation_body_id"], "bodies", ["body_id"]), fk(["leader_person_id"], "people", ["person_id"])],
  },
  {
    name: "people",
    title: "People",
    description: "Everyone who takes part in or is mentioned by the meetings' reports.",
    fields: [
      id("person_id", "The person's stable identifier."),
      { name: "name", type: "string", description: "The canonical name in English (other spellings: person_names).", required: true },
      { name: "country", type: "string", description: "The country the person serves (ISO 3166-1 alpha-2).", required: true, pattern: COUNTRY },
    ],
    primaryKey: ["person_id"],
    foreignKeys: [],
  },
  names("person", "people"),
  {
    name: "bodies",
    title: "Bodies",
    description: "Chambers, committees, government offices, party organs and local councils.",
    fields: [
      id("body_id", "The body's stable identifier."),
      { name: "name", type: "string", description: "The canonical name in English (other spellings: body_names).", required: true },
      { name: "abbreviation", type: "string", description: "The abbreviation the sources use, if any." },
      { name: "country", type: "string", description: "The country the body belongs to (ISO 3166-1 alpha-2).", required: true, pattern: COUNTRY },
      {
        name: "classification",
        type: "string",
        description: "What kind of body it is.",
        required: true,
        categories: ["parliament", "chamber", "committee", "government", "executive-office", "political-party", "local-council", "consultative-body"],
      },
      ref("parent_body_id", "The body this one belongs to (see bodies), where the sources make it clear.", false),
    ],
    primaryKey: ["body_id"],
    foreignKeys: [fk(["parent_body_id"], "bodies", ["body_id"])],
  },
  names("body", "bodies"),
  {
    name: "meeting_participants",
    title: "Meeting participants",
    description: "Who took part in each meeting, for which body, in which role and on which side.",
    fields: [
      ref("meeting_id", "The meeting (see meetings)."),
      ref("person_id", "The participant (see people)."),
      ref("body_id", "The body the participant represented (see bodies)."),
      { name: "role", type: "string", description: "The participant's role as the sources word it at this meeting (the same office may be worded differently by different documents)." },
      {
        name: "office",
        type: "string",
        description: "The office the participant held in the body, as an editorial identifier that is the same however the role is worded (e.g. chair for a chairman or speaker); empty where none is recorded. Positions are counted by it.",
        pattern: ID,
      },
      { name: "side", type: "string", description: "The participant's side: CN (China) or KZ (Kazakhstan).", required: true, categories: ["CN", "KZ"] },
    ],
    primaryKey: ["meeting_id", "person_id"],
    foreignKeys: [fk(["meeting_id"], "meetings"), fk(["person_id"], "people"), fk(["body_id"], "bodies")],
  },
  {
    name: "positions",
    title: "Positions",
    description:
      "Offices people held in bodies, as attested by the meetings they took part in (derived from meeting_participants, one row per person, body and office). The dates are bounds, not observations: a meeting is known only within its date_start and date_end, so the first and the last attestation are each given as the earliest and the latest day they can have been. Where earliest and latest are equal, the day is known; an empty latest means no upper bound. They say when the office is attested, not when it was taken up or left.",
    fields: [
      ref("person_id", "The person (see people)."),
      ref("body_id", "The body (see bodies)."),
      { name: "office", type: "string", description: "The office (see meeting_participants.office): an editorial identifier, the same however the documents word the role.", required: true, pattern: ID },
      { name: "roles", type: "string", description: "The roles as the documents word them for this office at these meetings, separated by '; '." },
      { name: "first_attested_earliest", type: "date", description: "The earliest day the first attesting meeting can have taken place on (the least date_start of the attesting meetings).", required: true },
      {
        name: "first_attested_latest",
        type: "date",
        description: "The latest day by which the office is first attested (the least date_end of the attesting meetings); empty when none of them has an upper bound.",
      },
      { name: "last_attested_earliest", type: "date", description: "The earliest day the last attestation can have been (the greatest date_start of the attesting meetings).", required: true },
      {
        name: "last_attested_latest",
        type: "date",
        description: "The latest day the last attesting meeting can have taken place on (the greatest date_end); empty when any attesting meeting has no upper bound.",
      },
      { name: "meeting_count", type: "integer", description: "How many meetings attest the office.", required: true, minimum: 1 },
    ],
    primaryKey: ["person_id", "body_id", "office"],
    foreignKeys: [fk(["person_id"], "people"), fk(["body_id"], "bodies")],
  },
  {
    name: "topics",
    title: "Topics",
    description: "The controlled, hierarchical vocabulary of subjects the meetings are tagged with.",
    fields: [
      id("topic_id", "The topic's stable identifier."),
      { name: "label", type: "string", description: "A short English label.", required: true },
      ref("parent_topic_id", "The broader topic (see topics), if any.", false),
      { name: "description", type: "string", description: "What the topic covers.", required: true },
      { name: "aliases", type: "string", description: "Other words for the topic, separated by '; '." },
    ],
    primaryKey: ["topic_id"],
    foreignKeys: [fk(["parent_topic_id"], "topics", ["topic_id"])],
  },
  {
    name: "meeting_topics",
    title: "Meeting topics",
    description: "The topics each meeting discussed, as its sources report them.",
    fields: [ref("meeting_id", "The meeting (see meetings)."), ref("topic_id", "The topic (see topics).")],
    primaryKey: ["meeting_id", "topic_id"],
    foreignKeys: [fk(["meeting_id"], "meetings"), fk(["topic_id"], "topics")],
  },
  {
    name: "visit_topics",
    title: "Visit topics",
    description: "The topics the sources report for a visit as a whole, not for one of its meetings (a meeting's own topics are in meeting_topics).",
    fields: [ref("visit_id", "The visit (see visits)."), ref("topic_id", "The topic (see topics).")],
    primaryKey: ["visit_id", "topic_id"],
    foreignKeys: [fk(["visit_id"], "visits"), fk(["topic_id"], "topics")],
  },
  {
    name: "quotes",
    title: "Quotes",
    description: "What participants said: direct quotations verbatim, reported speech in the source's own wording.",
    fields: [
      id("quote_id", "The quote's stable identifier."),
      ref("meeting_id", "The meeting it was said at (see meetings)."),
      ref("person_id", "Who said it (see people)."),
      { name: "kind", type: "string", description: "direct (verbatim quotation) or paraphrase (reported speech).", required: true, categories: ["direct", "paraphrase"] },
      { name: "text", type: "string", description: "The words as the document prints them.", required: true },
      { name: "language", type: "string", description: "The language of the text (BCP-47 tag).", required: true },
      ref("document_id", "The document it is taken from (see documents)."),
    ],
    primaryKey: ["quote_id"],
    foreignKeys: [fk(["meeting_id"], "meetings"), fk(["person_id"], "people"), fk(["document_id"], "documents")],
  },
  {
    name: "visit_quotes",
    title: "Visit quotes",
    description: "What was said during a visit as the sources report it for the visit as a whole, not for one of its meetings: direct quotations verbatim, reported speech in the source's own wording.",
    fields: [
      id("quote_id", "The quote's stable identifier (unique across quotes and visit_quotes)."),
      ref("visit_id", "The visit it was said during (see visits)."),
      ref("person_id", "Who said it (see people); empty when the source names only a side (e.g. \"the Kazakh side\").", false),
      { name: "side", type: "string", description: "The side it came from: CN (China) or KZ (Kazakhstan).", required: true, categories: ["CN", "KZ"] },
      { name: "kind", type: "string", description: "direct (verbatim quotation) or paraphrase (reported speech).", required: true, categories: ["direct", "paraphrase"] },
      { name: "text", type: "string", description: "The words as the document prints them.", required: true },
      { name: "language", type: "string", description: "The language of the text (BCP-47 tag).", required: true },
      ref("document_id", "The document it is taken from (see documents)."),
    ],
    primaryKey: ["quote_id"],
    foreignKeys: [fk(["visit_id"], "visits"), fk(["person_id"], "people"), fk(["document_id"], "documents")],
  },
  {
    name: "documents",
    title: "Documents",
    description: "The news articles, press releases and statements every fact is cited from.",
    fields: [
      id("document_id", "The document's stable identifier."),
      { name: "title", type: "string", description: "The headline as the document gives it, or, where title_editorial is true, a description the editors supplied in square brackets.", required: true },
      { name: "title_editorial", type: "boolean", description: "True when the document has no headline and title is the editors' description, not the document's words.", required: true },
      { name: "publisher", type: "string", description: "The publisher as the text shows it; empty where it names none." },
      { name: "published", type: "string", description: "When it was published, exactly as precise as the text gives (ISO 8601); empty where it gives none.", pattern: DATE_AS_GIVEN },
      { name: "updated", type: "string", description: "When it was last updated, where the text gives an update date (e.g. \"Updated: 2024-01-29\") rather than a publication date (ISO 8601); empty otherwise.", pattern: DATE_AS_GIVEN },
      { name: "url", type: "string", description: "Where it is published; empty where no URL is known (never guessed)." },
      { name: "language", type: "string", description: "The document's language (BCP-47 tag).", required: true },
      { name: "sha256", type: "string", description: "SHA-256 of the archived plain-text copy the quotes were verified against.", pattern: "[a-f0-9]{64}" },
    ],
    primaryKey: ["document_id"],
    foreignKeys: [],
  },
  {
    name: "meeting_documents",
    title: "Meeting documents",
    description: "Which documents report each meeting.",
    fields: [ref("meeting_id", "The meeting (see meetings)."), ref("document_id", "A document reporting it (see documents).")],
    primaryKey: ["meeting_id", "document_id"],
    foreignKeys: [fk(["meeting_id"], "meetings"), fk(["document_id"], "documents")],
  },
  {
    name: "visit_documents",
    title: "Visit documents",
    description: "Which documents report each visit.",
    fields: [ref("visit_id", "The visit (see visits)."), ref("document_id", "A document reporting it (see documents).")],
    primaryKey: ["visit_id", "document_id"],
    foreignKeys: [fk(["visit_id"], "visits"), fk(["document_id"], "documents")],
  },
];

/** A table definition by name. */
export function tableNamed(name: string): TableDef {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no table named ${name}`);
  return table;
}
