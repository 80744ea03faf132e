import type { BodySpec, CorpusFile, DocumentSpec, PersonSpec, Side, Spelling } from "./corpus-model.js";
import { corpusShape, type CorpusShape } from "./corpus-shape.js";
import { generateBodies } from "./generate-bodies.js";
import { generateDocuments } from "./generate-documents.js";
import { generateMeetings } from "./generate-meetings.js";
import { generatePeople } from "./generate-people.js";
import { generateTopics } from "./generate-topics.js";
import { generateVisits } from "./generate-visits.js";
import { createRandom, type Random } from "./prng.js";
import { renderSourceFile, type YamlMap } from "./render-yaml.js";

export type { CorpusFile } from "./corpus-model.js";

/** What to generate. */
export interface CorpusOptions {
  /** How many meetings; every other count is scaled from it (see corpusShape). */
  meetings: number;
  /** The same seed always gives a byte-identical tree. */
  seed: number;
}

const schema = (kind: string, depth = 2) => `${"../".repeat(depth)}schemas/${kind}.schema.json`;

/**
 * A valid synthetic source tree, file by file (`sources/<folder>/<id>.yaml`), in a fixed order:
 * documents, people, bodies, topics, visits, then meetings as they are drawn. Pure: no I/O, and
 * only the seeded generator decides, so the same options give the same files, byte for byte.
 */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile, CorpusShape> {
  const shape = corpusShape(options.meetings);
  const random = createRandom(options.seed);
  const topics = generateTopics(shape.topics);
  const documents = generateDocuments(shape.documents, topics.map((t) => t.spec), random.fork("documents"));
  const bodies = generateBodies(shape.bodies);
  const people = generatePeople(shape.people, bodies, documents, random.fork("people"));
  const pools = sidePools(people.map((p) => p.spec));
  const visits = generateVisits(shape.visits, pools, documents, random.fork("visits"));

  for (const d of documents) yield file(`documents/${d.id}`, "document", d.record);
  for (const p of people) yield file(`people/${p.spec.id}`, "person", p.record);
  const bodyRandom = random.fork("bodies");
  for (const b of bodies) yield file(`bodies/${b.id}`, "body", bodyRecord(b, documents, bodyRandom));
  for (const t of topics) yield file(`topics/${t.spec.id}`, "topic", t.record);
  for (const v of visits) yield file(`visits/${v.spec.id}`, "visit", v.record);
  const world = { pools, topics: topics.map((t) => t.spec), documents, documentLanguage: new Map(documents.map((d) => [d.id, d.language])) };
  for (const m of generateMeetings(shape.meetings, shape.meetingsInVisits, visits.map((v) => v.spec), world, random.fork("meetings"))) {
    yield { path: `sources/meetings/${m.year}/${m.id}.yaml`, text: renderSourceFile(schema("meeting", 3), m.record) };
  }
  return shape;
}

function file(stem: string, kind: string, record: YamlMap): CorpusFile {
  return { path: `sources/${stem}.yaml`, text: renderSourceFile(schema(kind), record) };
}

/** Each side's people, those of national bodies first: meetings draw the first ones most often. */
function sidePools(people: readonly PersonSpec[]): Record<Side, PersonSpec[]> {
  const bySide = (side: Side) => people.filter((p) => p.side === side).sort((a, b) => b.body.weight - a.body.weight);
  return { CN: bySide("CN"), KZ: bySide("KZ") };
}

function bodyRecord(body: BodySpec, documents: readonly DocumentSpec[], random: Random): YamlMap {
  const cited = random.sample(documents, random.weighted([0, 50, 30, 20])).map((d) => d.id);
  const names = body.spellings.map((s: Spelling) => ({ name: s.name, lang: s.lang, kind: s.kind, document: random.pick(cited) }));
  return {
    id: body.id,
    name: body.name,
    names,
    abbreviation: body.abbreviation,
    country: body.country,
    classification: body.classification,
    parent: body.parent,
    documents: cited,
  };
}
