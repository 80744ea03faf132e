import { formatDate } from "../model/dates.js";
import type { DocumentSpec, PersonSpec, Side, TopicSpec, VisitSpec } from "./corpus-model.js";
import { dayOf, drawDay, isoDay, isoMonth, LAST_YEAR, monthOf, yearOf } from "./days.js";
import { documentsReporting } from "./generate-documents.js";
import { meetingText } from "./meeting-text.js";
import type { Random } from "./prng.js";
import type { YamlMap, YamlValue } from "./render-yaml.js";
import { IdPool, slugify } from "./slugs.js";
import { CHINESE_CITIES, KAZAKH_CITIES } from "./vocabulary-places.js";

/** A meeting as generated: its year folder and the record to write. */
export interface GeneratedMeeting {
  id: string;
  year: number;
  record: YamlMap;
}

/** Everything meetings draw from. */
export interface MeetingWorld {
  pools: Record<Side, readonly PersonSpec[]>;
  topics: readonly TopicSpec[];
  documents: readonly DocumentSpec[];
  documentLanguage: ReadonlyMap<string, string>;
}

type DateValue = string | { start: string; end: string };
type Dated = { date: DateValue; start: number; precision: "day" | "month" | "year" | "range" };

const CITIES: Record<Side, readonly string[]> = { CN: CHINESE_CITIES.map(([en]) => en), KZ: KAZAKH_CITIES.map(([en]) => en) };

/**
 * Meetings one by one: first those of each visit (inside its dates, in its host country), then
 * meetings on their own. Each has people of both sides, no other meeting with the same date and
 * people (duplicate/meeting), and documents published no earlier than it began (date/after-document).
 */
export function* generateMeetings(count: number, inVisits: number, visits: readonly VisitSpec[], world: MeetingWorld, random: Random): Generator<GeneratedMeeting> {
  const ids = new IdPool();
  const seen = new Set<string>();
  const latest = Math.min(world.documents.at(-1)!.end, dayOf(LAST_YEAR, 12, 31));
  let made = 0;
  const perVisit = shareOut(inVisits, visits.length, random);
  for (const [v, visit] of visits.entries()) {
    for (let i = 0; i < perVisit[v]!; i++, made++) yield makeMeeting(world, random, ids, seen, () => visitDate(visit, random), visit);
  }
  for (; made < count; made++) yield makeMeeting(world, random, ids, seen, () => ownDate(random, latest));
}

/** Two to eight meetings a visit, adjusted up or down (0 to 8) until they add up to `total`. */
function shareOut(total: number, visits: number, random: Random): number[] {
  const counts = Array.from({ length: visits }, () => random.int(2, 8));
  let sum = counts.reduce((a, b) => a + b, 0);
  if (total > visits * 8) throw new RangeError(`${total} meetings do not fit in ${visits} visits`);
  while (sum !== total) {
    const i = random.int(0, visits - 1);
    const step = sum > total ? -1 : 1;
    const next = counts[i]! + step;
    if (next < 0 || next > 8) continue;
    counts[i] = next;
    sum += step;
  }
  return counts;
}

function makeMeeting(world: MeetingWorld, random: Random, ids: IdPool, seen: Set<string>, drawDate: () => Dated, visit?: VisitSpec): GeneratedMeeting {
  let dated = drawDate();
  let people = drawParticipants(world.pools, random, visit);
  for (let attempt = 0; seen.has(meetingKey(dated.date, people)); attempt++) {
    if (attempt % 2 === 0) people = drawParticipants(world.pools, random, visit);
    else dated = drawDate();
  }
  seen.add(meetingKey(dated.date, people));
  const cn = people.find((p) => p.side === "CN")!;
  const kz = people.find((p) => p.side === "KZ")!;
  const format = visit ? "in-person" : ["in-person", "video", "phone"][random.weighted([70, 22, 8])]!;
  const country: Side | undefined = visit ? visit.host : format === "phone" ? undefined : random.chance(0.5) ? "CN" : "KZ";
  const cityPool = visit ? visit.cities : country ? CITIES[country].slice(0, 25) : [];
  const city = cityPool.length && (format === "in-person" ? random.chance(0.9) : random.chance(0.4)) ? random.pick(cityPool) : undefined;
  const year = yearOf(dated.start);
  const id = ids.take(slugify(`${cn.id}-${kz.id}-${year}`));
  const topicSpecs = drawTopics(world.topics, random.weighted([5, 20, 25, 20, 15, 10, 5]), random);
  const topics = topicSpecs.map((t) => t.id);
  const drawn = visit ? random.sample(visit.documents, random.int(1, visit.documents.length)) : documentsReporting(world.documents, dated.start, random.weighted([0, 75, 20, 5]), random).map((d) => d.id);
  const text = meetingText({ people, cn, kz, format, city, topics: topicSpecs, documents: drawn, documentLanguage: world.documentLanguage, precision: dated.precision, inVisit: visit !== undefined }, random);
  const quotes: YamlMap[] = text.quotes.map((q, i) => ({ id: `${id}-q${i + 1}`, speaker: q.speaker, kind: q.kind, text: { folded: q.text }, document: q.document }));
  // Of several documents, only those a quote cites are kept, as a contributor cites a report where
  // its facts are used (cite/document-unused); the first stands for a meeting without quotes.
  const quoted = new Set(text.quotes.map((q) => q.document));
  const documents = drawn.length < 2 ? drawn : drawn.filter((d, i) => quoted.has(d) || (i === 0 && quoted.size === 0));
  const record: YamlMap = {
    id,
    title: text.title,
    date: dateYaml(dated.date),
    format,
    location: country ? { city, country } : undefined,
    visit: visit?.id,
    participants: people.map((p) => ({ person: p.id, body: p.body.id, role: p.role, side: p.side })),
    topics: topics.length ? topics : undefined,
    quotes: quotes.length ? quotes : undefined,
    documents,
    summary: { folded: text.summary },
    note: text.note === undefined ? undefined : { folded: text.note },
  };
  return { id, year, record };
}

/** Two to eight people, at least one per side, national figures far more often than local ones. */
function drawParticipants(pools: Record<Side, readonly PersonSpec[]>, random: Random, visit?: VisitSpec): PersonSpec[] {
  const n = 2 + random.weighted([40, 22, 14, 10, 7, 4, 3]);
  const cnCount = random.int(1, n - 1);
  const chosen = new Map<string, PersonSpec>();
  if (visit) chosen.set(visit.leader.id, visit.leader);
  const want = { CN: cnCount, KZ: n - cnCount };
  for (const side of ["CN", "KZ"] as const) {
    const already = [...chosen.values()].filter((p) => p.side === side).length;
    for (let have = already; have < want[side]; ) {
      const person = random.pickSkewed(pools[side], 2.2);
      if (chosen.has(person.id)) continue;
      chosen.set(person.id, person);
      have++;
    }
  }
  return [...chosen.values()].sort((a, b) => (a.side === b.side ? 0 : a.side === "CN" ? -1 : 1));
}

/** k distinct topics, broad ones (which come first) far more often than narrow ones. */
function drawTopics(topics: readonly TopicSpec[], k: number, random: Random): TopicSpec[] {
  const chosen = new Set<TopicSpec>();
  while (chosen.size < Math.min(k, topics.length)) chosen.add(random.pickSkewed(topics, 1.8));
  return [...chosen];
}

function meetingKey(date: DateValue, people: readonly PersonSpec[]): string {
  return formatDate(date) + "|" + people.map((p) => p.id).sort().join(",");
}

/** Most meetings of a visit are dated to a day of it; some only by the visit's own dates. */
function visitDate(visit: VisitSpec, random: Random): Dated {
  const choice = random.weighted([70, 20, visit.end - visit.start >= 2 ? 10 : 0]);
  if (choice === 1) return { date: visit.date, start: visit.start, precision: typeof visit.date === "string" ? "month" : "range" };
  if (choice === 2) {
    const a = random.int(visit.start, visit.end - 1);
    return { date: { start: isoDay(a), end: isoDay(random.int(a + 1, visit.end)) }, start: a, precision: "range" };
  }
  const day = random.int(visit.start, visit.end);
  return { date: isoDay(day), start: day, precision: "day" };
}

/** A meeting's own date: mostly a day, sometimes only a month or a year, or a range of days. */
function ownDate(random: Random, latest: number): Dated {
  const day = drawDay(random, latest);
  const precision = (["day", "month", "year", "range"] as const)[random.weighted([86, 5, 2, 7])]!;
  if (precision === "month") return { date: isoMonth(day), start: monthOf(day).start, precision };
  if (precision === "year") return { date: String(yearOf(day)), start: dayOf(yearOf(day)), precision };
  if (precision === "range") {
    const start = Math.max(dayOf(yearOf(day)), day - random.int(1, 6));
    if (start === day) return { date: isoDay(day), start: day, precision: "day" };
    return { date: { start: isoDay(start), end: isoDay(day) }, start, precision };
  }
  return { date: isoDay(day), start: day, precision };
}

function dateYaml(date: DateValue): YamlValue {
  return typeof date === "string" ? { quoted: date } : { start: { quoted: date.start }, end: { quoted: date.end } };
}
