-- load.sql: the tables of this data package as typed DuckDB views, made by parlex from the
-- table definitions; they read the Parquet files, whose paths are relative to this folder.
-- Run it from this folder: in the duckdb shell, .read load.sql (or start it with duckdb -init load.sql).
-- From elsewhere, first:     SET file_search_path = '<this folder>';
-- Categories are ENUMs: a value outside them is an error, never a silent NULL.

CREATE OR REPLACE VIEW "meetings" AS SELECT
  CAST("meeting_id" AS VARCHAR) AS "meeting_id",
  CAST("title" AS VARCHAR) AS "title",
  CAST("date" AS VARCHAR) AS "date",
  CAST("date_start" AS DATE) AS "date_start",
  CAST("date_end" AS DATE) AS "date_end",
  CAST("date_precision" AS ENUM('day', 'month', 'year', 'range')) AS "date_precision",
  CAST("format" AS ENUM('in-person', 'video', 'phone')) AS "format",
  CAST("city" AS VARCHAR) AS "city",
  CAST("country" AS VARCHAR) AS "country",
  CAST("visit_id" AS VARCHAR) AS "visit_id",
  CAST("participant_count" AS INTEGER) AS "participant_count",
  CAST("summary" AS VARCHAR) AS "summary",
  CAST("note" AS VARCHAR) AS "note"
FROM read_parquet('parquet/meetings.parquet');
COMMENT ON VIEW "meetings" IS 'One row per meeting between Chinese and Kazakh officials.';
COMMENT ON COLUMN "meetings"."meeting_id" IS 'The meeting''s stable identifier.';
COMMENT ON COLUMN "meetings"."title" IS 'A short descriptive title (the project''s own words).';
COMMENT ON COLUMN "meetings"."date" IS 'When the meeting took place, exactly as precise as the sources give it (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, an interval start/end, or start/.. when nothing bounds its end).';
COMMENT ON COLUMN "meetings"."date_start" IS 'The first day the meeting can have taken place on, given the date''s precision: a bound, not the day, unless date_precision is day. To count by year, count a row in a year only when date_start and date_end fall in it; a row whose date_end is empty (no upper bound) or in a later year has an unknown year.';
COMMENT ON COLUMN "meetings"."date_end" IS 'The last day the meeting can have taken place on, given the date''s precision; empty when the sources give no upper bound (an open range: the year is not known).';
COMMENT ON COLUMN "meetings"."date_precision" IS 'How precisely the sources date it: day, month, year, or range (bounded by two dates).';
COMMENT ON COLUMN "meetings"."format" IS 'How it was held: in-person, video or phone.';
COMMENT ON COLUMN "meetings"."city" IS 'The city it took place in, where the sources state it.';
COMMENT ON COLUMN "meetings"."country" IS 'The country it took place in (ISO 3166-1 alpha-2), where the sources state it.';
COMMENT ON COLUMN "meetings"."visit_id" IS 'The visit it was part of (see visits), if any.';
COMMENT ON COLUMN "meetings"."participant_count" IS 'How many participants the sources name.';
COMMENT ON COLUMN "meetings"."summary" IS 'What was discussed, in the project''s own words.';
COMMENT ON COLUMN "meetings"."note" IS 'Editorial note, e.g. how the date was deduced from the text.';

CREATE OR REPLACE VIEW "visits" AS SELECT
  CAST("visit_id" AS VARCHAR) AS "visit_id",
  CAST("title" AS VARCHAR) AS "title",
  CAST("date" AS VARCHAR) AS "date",
  CAST("date_start" AS DATE) AS "date_start",
  CAST("date_end" AS DATE) AS "date_end",
  CAST("date_precision" AS ENUM('day', 'month', 'year', 'range')) AS "date_precision",
  CAST("delegation_body_id" AS VARCHAR) AS "delegation_body_id",
  CAST("leader_person_id" AS VARCHAR) AS "leader_person_id",
  CAST("host_country" AS VARCHAR) AS "host_country",
  CAST("cities" AS VARCHAR) AS "cities",
  CAST("summary" AS VARCHAR) AS "summary",
  CAST("note" AS VARCHAR) AS "note"
FROM read_parquet('parquet/visits.parquet');
COMMENT ON VIEW "visits" IS 'Delegation trips that held several meetings.';
COMMENT ON COLUMN "visits"."visit_id" IS 'The visit''s stable identifier.';
COMMENT ON COLUMN "visits"."title" IS 'A short descriptive title (the project''s own words).';
COMMENT ON COLUMN "visits"."date" IS 'When the visit took place, exactly as precise as the sources give it (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, an interval start/end, or start/.. when nothing bounds its end).';
COMMENT ON COLUMN "visits"."date_start" IS 'The first day the visit can have taken place on, given the date''s precision: a bound, not the day, unless date_precision is day. To count by year, count a row in a year only when date_start and date_end fall in it; a row whose date_end is empty (no upper bound) or in a later year has an unknown year.';
COMMENT ON COLUMN "visits"."date_end" IS 'The last day the visit can have taken place on, given the date''s precision; empty when the sources give no upper bound (an open range: the year is not known).';
COMMENT ON COLUMN "visits"."date_precision" IS 'How precisely the sources date it: day, month, year, or range (bounded by two dates).';
COMMENT ON COLUMN "visits"."delegation_body_id" IS 'The body the visiting delegation represented (see bodies).';
COMMENT ON COLUMN "visits"."leader_person_id" IS 'Who led the delegation (see people), where the sources say.';
COMMENT ON COLUMN "visits"."host_country" IS 'The country visited (ISO 3166-1 alpha-2).';
COMMENT ON COLUMN "visits"."cities" IS 'The cities visited as the sources name them, separated by ''; ''.';
COMMENT ON COLUMN "visits"."summary" IS 'What the sources report of the visit as a whole (not of one of its meetings), in the project''s own words; empty when they report nothing beyond its meetings.';
COMMENT ON COLUMN "visits"."note" IS 'Editorial note, e.g. how the dates were deduced.';

CREATE OR REPLACE VIEW "people" AS SELECT
  CAST("person_id" AS VARCHAR) AS "person_id",
  CAST("name" AS VARCHAR) AS "name",
  CAST("country" AS VARCHAR) AS "country"
FROM read_parquet('parquet/people.parquet');
COMMENT ON VIEW "people" IS 'Everyone who takes part in or is mentioned by the meetings'' reports.';
COMMENT ON COLUMN "people"."person_id" IS 'The person''s stable identifier.';
COMMENT ON COLUMN "people"."name" IS 'The canonical name in English (other spellings: person_names).';
COMMENT ON COLUMN "people"."country" IS 'The country the person serves (ISO 3166-1 alpha-2).';

CREATE OR REPLACE VIEW "person_names" AS SELECT
  CAST("person_id" AS VARCHAR) AS "person_id",
  CAST("name" AS VARCHAR) AS "name",
  CAST("lang" AS VARCHAR) AS "lang",
  CAST("kind" AS ENUM('canonical', 'variant', 'abbreviation')) AS "kind",
  CAST("document_id" AS VARCHAR) AS "document_id",
  CAST("editorial" AS BOOLEAN) AS "editorial",
  CAST("note" AS VARCHAR) AS "note"
FROM read_parquet('parquet/person_names.parquet');
COMMENT ON VIEW "person_names" IS 'Every spelling of each person''s name that the sources use, with its language and the document that attests it.';
COMMENT ON COLUMN "person_names"."person_id" IS 'The person (see people).';
COMMENT ON COLUMN "person_names"."name" IS 'The name exactly as written.';
COMMENT ON COLUMN "person_names"."lang" IS 'The language and script of the spelling (BCP-47 tag).';
COMMENT ON COLUMN "person_names"."kind" IS 'canonical (the name used in the main table), variant (another spelling) or abbreviation.';
COMMENT ON COLUMN "person_names"."document_id" IS 'The document that writes the name this way; empty for an editorial name.';
COMMENT ON COLUMN "person_names"."editorial" IS 'True when no document gives the name and the project recorded it editorially (see note).';
COMMENT ON COLUMN "person_names"."note" IS 'Why an editorial name is recorded, or any remark on the spelling.';

CREATE OR REPLACE VIEW "bodies" AS SELECT
  CAST("body_id" AS VARCHAR) AS "body_id",
  CAST("name" AS VARCHAR) AS "name",
  CAST("abbreviation" AS VARCHAR) AS "abbreviation",
  CAST("country" AS VARCHAR) AS "country",
  CAST("classification" AS ENUM('parliament', 'chamber', 'committee', 'government', 'executive-office', 'political-party', 'local-council', 'consultative-body')) AS "classification",
  CAST("parent_body_id" AS VARCHAR) AS "parent_body_id"
FROM read_parquet('parquet/bodies.parquet');
COMMENT ON VIEW "bodies" IS 'Chambers, committees, government offices, party organs and local councils.';
COMMENT ON COLUMN "bodies"."body_id" IS 'The body''s stable identifier.';
COMMENT ON COLUMN "bodies"."name" IS 'The canonical name in English (other spellings: body_names).';
COMMENT ON COLUMN "bodies"."abbreviation" IS 'The abbreviation the sources use, if any.';
COMMENT ON COLUMN "bodies"."country" IS 'The country the body belongs to (ISO 3166-1 alpha-2).';
COMMENT ON COLUMN "bodies"."classification" IS 'What kind of body it is.';
COMMENT ON COLUMN "bodies"."parent_body_id" IS 'The body this one belongs to (see bodies), where the sources make it clear.';

CREATE OR REPLACE VIEW "body_names" AS SELECT
  CAST("body_id" AS VARCHAR) AS "body_id",
  CAST("name" AS VARCHAR) AS "name",
  CAST("lang" AS VARCHAR) AS "lang",
  CAST("kind" AS ENUM('canonical', 'variant', 'abbreviation')) AS "kind",
  CAST("document_id" AS VARCHAR) AS "document_id",
  CAST("editorial" AS BOOLEAN) AS "editorial",
  CAST("note" AS VARCHAR) AS "note"
FROM read_parquet('parquet/body_names.parquet');
COMMENT ON VIEW "body_names" IS 'Every spelling of each body''s name that the sources use, with its language and the document that attests it.';
COMMENT ON COLUMN "body_names"."body_id" IS 'The body (see bodies).';
COMMENT ON COLUMN "body_names"."name" IS 'The name exactly as written.';
COMMENT ON COLUMN "body_names"."lang" IS 'The language and script of the spelling (BCP-47 tag).';
COMMENT ON COLUMN "body_names"."kind" IS 'canonical (the name used in the main table), variant (another spelling) or abbreviation.';
COMMENT ON COLUMN "body_names"."document_id" IS 'The document that writes the name this way; empty for an editorial name.';
COMMENT ON COLUMN "body_names"."editorial" IS 'True when no document gives the name and the project recorded it editorially (see note).';
COMMENT ON COLUMN "body_names"."note" IS 'Why an editorial name is recorded, or any remark on the spelling.';

CREATE OR REPLACE VIEW "meeting_participants" AS SELECT
  CAST("meeting_id" AS VARCHAR) AS "meeting_id",
  CAST("person_id" AS VARCHAR) AS "person_id",
  CAST("body_id" AS VARCHAR) AS "body_id",
  CAST("role" AS VARCHAR) AS "role",
  CAST("office" AS VARCHAR) AS "office",
  CAST("side" AS ENUM('CN', 'KZ')) AS "side"
FROM read_parquet('parquet/meeting_participants.parquet');
COMMENT ON VIEW "meeting_participants" IS 'Who took part in each meeting, for which body, in which role and on which side.';
COMMENT ON COLUMN "meeting_participants"."meeting_id" IS 'The meeting (see meetings).';
COMMENT ON COLUMN "meeting_participants"."person_id" IS 'The participant (see people).';
COMMENT ON COLUMN "meeting_participants"."body_id" IS 'The body the participant represented (see bodies).';
COMMENT ON COLUMN "meeting_participants"."role" IS 'The participant''s role as the sources word it at this meeting (the same office may be worded differently by different documents).';
COMMENT ON COLUMN "meeting_participants"."office" IS 'The office the participant held in the body, as an editorial identifier that is the same however the role is worded (e.g. chair for a chairman or speaker); empty where none is recorded. Positions are counted by it.';
COMMENT ON COLUMN "meeting_participants"."side" IS 'The participant''s side: CN (China) or KZ (Kazakhstan).';

CREATE OR REPLACE VIEW "positions" AS SELECT
  CAST("person_id" AS VARCHAR) AS "person_id",
  CAST("body_id" AS VARCHAR) AS "body_id",
  CAST("office" AS VARCHAR) AS "office",
  CAST("roles" AS VARCHAR) AS "roles",
  CAST("first_attested_earliest" AS DATE) AS "first_attested_earliest",
  CAST("first_attested_latest" AS DATE) AS "first_attested_latest",
  CAST("last_attested_earliest" AS DATE) AS "last_attested_earliest",
  CAST("last_attested_latest" AS DATE) AS "last_attested_latest",
  CAST("meeting_count" AS INTEGER) AS "meeting_count"
FROM read_parquet('parquet/positions.parquet');
COMMENT ON VIEW "positions" IS 'Offices people held in bodies, as attested by the meetings they took part in (derived from meeting_participants, one row per person, body and office). The dates are bounds, not observations: a meeting is known only within its date_start and date_end, so the first and the last attestation are each given as the earliest and the latest day they can have been. Where earliest and latest are equal, the day is known; an empty latest means no upper bound. They say when the office is attested, not when it was taken up or left.';
COMMENT ON COLUMN "positions"."person_id" IS 'The person (see people).';
COMMENT ON COLUMN "positions"."body_id" IS 'The body (see bodies).';
COMMENT ON COLUMN "positions"."office" IS 'The office (see meeting_participants.office): an editorial identifier, the same however the documents word the role.';
COMMENT ON COLUMN "positions"."roles" IS 'The roles as the documents word them for this office at these meetings, separated by ''; ''.';
COMMENT ON COLUMN "positions"."first_attested_earliest" IS 'The earliest day the first attesting meeting can have taken place on (the least date_start of the attesting meetings).';
COMMENT ON COLUMN "positions"."first_attested_latest" IS 'The latest day by which the office is first attested (the least date_end of the attesting meetings); empty when none of them has an upper bound.';
COMMENT ON COLUMN "positions"."last_attested_earliest" IS 'The earliest day the last attestation can have been (the greatest date_start of the attesting meetings).';
COMMENT ON COLUMN "positions"."last_attested_latest" IS 'The latest day the last attesting meeting can have taken place on (the greatest date_end); empty when any attesting meeting has no upper bound.';
COMMENT ON COLUMN "positions"."meeting_count" IS 'How many meetings attest the office.';

CREATE OR REPLACE VIEW "topics" AS SELECT
  CAST("topic_id" AS VARCHAR) AS "topic_id",
  CAST("label" AS VARCHAR) AS "label",
  CAST("parent_topic_id" AS VARCHAR) AS "parent_topic_id",
  CAST("description" AS VARCHAR) AS "description",
  CAST("aliases" AS VARCHAR) AS "aliases"
FROM read_parquet('parquet/topics.parquet');
COMMENT ON VIEW "topics" IS 'The controlled, hierarchical vocabulary of subjects the meetings are tagged with.';
COMMENT ON COLUMN "topics"."topic_id" IS 'The topic''s stable identifier.';
COMMENT ON COLUMN "topics"."label" IS 'A short English label.';
COMMENT ON COLUMN "topics"."parent_topic_id" IS 'The broader topic (see topics), if any.';
COMMENT ON COLUMN "topics"."description" IS 'What the topic covers.';
COMMENT ON COLUMN "topics"."aliases" IS 'Other words for the topic, separated by ''; ''.';

CREATE OR REPLACE VIEW "meeting_topics" AS SELECT
  CAST("meeting_id" AS VARCHAR) AS "meeting_id",
  CAST("topic_id" AS VARCHAR) AS "topic_id"
FROM read_parquet('parquet/meeting_topics.parquet');
COMMENT ON VIEW "meeting_topics" IS 'The topics each meeting discussed, as its sources report them.';
COMMENT ON COLUMN "meeting_topics"."meeting_id" IS 'The meeting (see meetings).';
COMMENT ON COLUMN "meeting_topics"."topic_id" IS 'The topic (see topics).';

CREATE OR REPLACE VIEW "visit_topics" AS SELECT
  CAST("visit_id" AS VARCHAR) AS "visit_id",
  CAST("topic_id" AS VARCHAR) AS "topic_id"
FROM read_parquet('parquet/visit_topics.parquet');
COMMENT ON VIEW "visit_topics" IS 'The topics the sources report for a visit as a whole, not for one of its meetings (a meeting''s own topics are in meeting_topics).';
COMMENT ON COLUMN "visit_topics"."visit_id" IS 'The visit (see visits).';
COMMENT ON COLUMN "visit_topics"."topic_id" IS 'The topic (see topics).';

CREATE OR REPLACE VIEW "quotes" AS SELECT
  CAST("quote_id" AS VARCHAR) AS "quote_id",
  CAST("meeting_id" AS VARCHAR) AS "meeting_id",
  CAST("person_id" AS VARCHAR) AS "person_id",
  CAST("kind" AS ENUM('direct', 'paraphrase')) AS "kind",
  CAST("text" AS VARCHAR) AS "text",
  CAST("language" AS VARCHAR) AS "language",
  CAST("document_id" AS VARCHAR) AS "document_id"
FROM read_parquet('parquet/quotes.parquet');
COMMENT ON VIEW "quotes" IS 'What participants said: direct quotations verbatim, reported speech in the source''s own wording.';
COMMENT ON COLUMN "quotes"."quote_id" IS 'The quote''s stable identifier.';
COMMENT ON COLUMN "quotes"."meeting_id" IS 'The meeting it was said at (see meetings).';
COMMENT ON COLUMN "quotes"."person_id" IS 'Who said it (see people).';
COMMENT ON COLUMN "quotes"."kind" IS 'direct (verbatim quotation) or paraphrase (reported speech).';
COMMENT ON COLUMN "quotes"."text" IS 'The words as the document prints them.';
COMMENT ON COLUMN "quotes"."language" IS 'The language of the text (BCP-47 tag).';
COMMENT ON COLUMN "quotes"."document_id" IS 'The document it is taken from (see documents).';

CREATE OR REPLACE VIEW "visit_quotes" AS SELECT
  CAST("quote_id" AS VARCHAR) AS "quote_id",
  CAST("visit_id" AS VARCHAR) AS "visit_id",
  CAST("person_id" AS VARCHAR) AS "person_id",
  CAST("side" AS ENUM('CN', 'KZ')) AS "side",
  CAST("kind" AS ENUM('direct', 'paraphrase')) AS "kind",
  CAST("text" AS VARCHAR) AS "text",
  CAST("language" AS VARCHAR) AS "language",
  CAST("document_id" AS VARCHAR) AS "document_id"
FROM read_parquet('parquet/visit_quotes.parquet');
COMMENT ON VIEW "visit_quotes" IS 'What was said during a visit as the sources report it for the visit as a whole, not for one of its meetings: direct quotations verbatim, reported speech in the source''s own wording.';
COMMENT ON COLUMN "visit_quotes"."quote_id" IS 'The quote''s stable identifier (unique across quotes and visit_quotes).';
COMMENT ON COLUMN "visit_quotes"."visit_id" IS 'The visit it was said during (see visits).';
COMMENT ON COLUMN "visit_quotes"."person_id" IS 'Who said it (see people); empty when the source names only a side (e.g. "the Kazakh side").';
COMMENT ON COLUMN "visit_quotes"."side" IS 'The side it came from: CN (China) or KZ (Kazakhstan).';
COMMENT ON COLUMN "visit_quotes"."kind" IS 'direct (verbatim quotation) or paraphrase (reported speech).';
COMMENT ON COLUMN "visit_quotes"."text" IS 'The words as the document prints them.';
COMMENT ON COLUMN "visit_quotes"."language" IS 'The language of the text (BCP-47 tag).';
COMMENT ON COLUMN "visit_quotes"."document_id" IS 'The document it is taken from (see documents).';

CREATE OR REPLACE VIEW "documents" AS SELECT
  CAST("document_id" AS VARCHAR) AS "document_id",
  CAST("title" AS VARCHAR) AS "title",
  CAST("title_editorial" AS BOOLEAN) AS "title_editorial",
  CAST("publisher" AS VARCHAR) AS "publisher",
  CAST("published" AS VARCHAR) AS "published",
  CAST("updated" AS VARCHAR) AS "updated",
  CAST("url" AS VARCHAR) AS "url",
  CAST("language" AS VARCHAR) AS "language",
  CAST("sha256" AS VARCHAR) AS "sha256"
FROM read_parquet('parquet/documents.parquet');
COMMENT ON VIEW "documents" IS 'The news articles, press releases and statements every fact is cited from.';
COMMENT ON COLUMN "documents"."document_id" IS 'The document''s stable identifier.';
COMMENT ON COLUMN "documents"."title" IS 'The headline as the document gives it, or, where title_editorial is true, a description the editors supplied in square brackets.';
COMMENT ON COLUMN "documents"."title_editorial" IS 'True when the document has no headline and title is the editors'' description, not the document''s words.';
COMMENT ON COLUMN "documents"."publisher" IS 'The publisher as the text shows it; empty where it names none.';
COMMENT ON COLUMN "documents"."published" IS 'When it was published, exactly as precise as the text gives (ISO 8601); empty where it gives none.';
COMMENT ON COLUMN "documents"."updated" IS 'When it was last updated, where the text gives an update date (e.g. "Updated: 2024-01-29") rather than a publication date (ISO 8601); empty otherwise.';
COMMENT ON COLUMN "documents"."url" IS 'Where it is published; empty where no URL is known (never guessed).';
COMMENT ON COLUMN "documents"."language" IS 'The document''s language (BCP-47 tag).';
COMMENT ON COLUMN "documents"."sha256" IS 'SHA-256 of the archived plain-text copy the quotes were verified against.';

CREATE OR REPLACE VIEW "meeting_documents" AS SELECT
  CAST("meeting_id" AS VARCHAR) AS "meeting_id",
  CAST("document_id" AS VARCHAR) AS "document_id"
FROM read_parquet('parquet/meeting_documents.parquet');
COMMENT ON VIEW "meeting_documents" IS 'Which documents report each meeting.';
COMMENT ON COLUMN "meeting_documents"."meeting_id" IS 'The meeting (see meetings).';
COMMENT ON COLUMN "meeting_documents"."document_id" IS 'A document reporting it (see documents).';

CREATE OR REPLACE VIEW "visit_documents" AS SELECT
  CAST("visit_id" AS VARCHAR) AS "visit_id",
  CAST("document_id" AS VARCHAR) AS "document_id"
FROM read_parquet('parquet/visit_documents.parquet');
COMMENT ON VIEW "visit_documents" IS 'Which documents report each visit.';
COMMENT ON COLUMN "visit_documents"."visit_id" IS 'The visit (see visits).';
COMMENT ON COLUMN "visit_documents"."document_id" IS 'A document reporting it (see documents).';
