import type { DocumentSpec, PersonSpec, Side, VisitSpec } from "./corpus-model.js";
import { dayOf, drawDay, isoDay, isoMonth, LAST_YEAR, monthOf, yearOf } from "./days.js";
import { documentsReporting } from "./generate-documents.js";
import type { Random } from "./prng.js";
import type { YamlMap } from "./render-yaml.js";
import { IdPool } from "./slugs.js";
import { CHINESE_CITIES, KAZAKH_CITIES } from "./vocabulary-places.js";

const COUNTRY_NAMES: Record<Side, string> = { CN: "China", KZ: "Kazakhstan" };

/** A visit as generated: what its meetings need, and the record to write. */
export interface GeneratedVisit {
  spec: VisitSpec;
  record: YamlMap;
}

/**
 * `count` delegation trips of two to seven days (a few dated by month only), each led by a person of
 * the visiting side and hosted by the other, reported by documents published after it ended.
 */
export function generateVisits(count: number, pools: Record<Side, readonly PersonSpec[]>, documents: readonly DocumentSpec[], random: Random): GeneratedVisit[] {
  const ids = new IdPool();
  const latest = Math.min(documents.at(-1)!.end, dayOf(LAST_YEAR, 12, 31));
  const visits: GeneratedVisit[] = [];
  for (let i = 0; i < count; i++) {
    const visiting: Side = random.chance(0.5) ? "CN" : "KZ";
    const host: Side = visiting === "CN" ? "KZ" : "CN";
    const leader = random.pickSkewed(pools[visiting], 2);
    const first = drawDay(random, latest - 7);
    const byMonth = random.chance(0.1) && monthOf(first).end <= latest;
    const start = byMonth ? monthOf(first).start : first;
    const end = byMonth ? monthOf(first).end : first + random.int(1, 6);
    const date = byMonth ? isoMonth(first) : { start: isoDay(start), end: isoDay(end) };
    const cityNames = (host === "CN" ? CHINESE_CITIES : KAZAKH_CITIES).map(([en]) => en);
    const cities = random.chance(0.9) ? random.sample(cityNames.slice(0, 20), random.weighted([0, 50, 35, 15])) : [];
    const cited = documentsReporting(documents, end, random.weighted([0, 75, 25]), random).map((d) => d.id);
    const id = ids.take(`${leader.id}-visit-${COUNTRY_NAMES[host].toLowerCase()}-${yearOf(start)}`);
    const spec: VisitSpec = { id, date, start, end, host, cities, leader, documents: cited };
    const title = `Visit of a delegation led by ${leader.name} (${leader.body.name}) to ${COUNTRY_NAMES[host]}`;
    const note = byMonth ? "The reports give the month of the visit but not its days." : random.chance(0.1) ? `Dates as the reports give them; the delegation was received by the ${host === "CN" ? "National People's Congress" : "Mazhilis"}.` : undefined;
    const record: YamlMap = {
      id,
      title,
      date: typeof date === "string" ? { quoted: date } : { start: { quoted: date.start }, end: { quoted: date.end } },
      delegation: { body: leader.body.id, leader: leader.id },
      host_country: host,
      cities: cities.length ? cities : undefined,
      documents: cited,
      note: note === undefined ? undefined : { folded: note },
    };
    visits.push({ spec, record });
  }
  return visits;
}
