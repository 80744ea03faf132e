import type { DocumentSpec, TopicSpec } from "./corpus-model.js";
import { dayOf, drawDay, isoDay, isoMonth, LAST_YEAR, monthOf, yearOf } from "./days.js";
import type { Random } from "./prng.js";
import { IdPool } from "./slugs.js";
import { CHINESE_CITIES, KAZAKH_CITIES } from "./vocabulary-places.js";
import { HEADLINES, PUBLISHERS } from "./vocabulary-text.js";

/**
 * `count` news reports and statements, sorted by the last day their publication date can mean.
 * None has an archived copy, so direct quotes citing them are not verified (archive/skipped).
 */
export function generateDocuments(count: number, topics: readonly TopicSpec[], random: Random): DocumentSpec[] {
  const ids = new IdPool();
  const days = Array.from({ length: count }, () => drawDay(random)).sort((a, b) => a - b);
  // The last report is from the corpus's last weeks, so meetings reach into its last year.
  days[days.length - 1] = Math.max(days.at(-1)!, dayOf(LAST_YEAR, 12, random.int(1, 31)));
  const weights = PUBLISHERS.map((p) => p.weight);
  const documents = days.map((day): DocumentSpec => {
    const publisher = PUBLISHERS[random.weighted(weights)]!;
    const precision = random.weighted([92, 6, 2]);
    const published = precision === 0 ? isoDay(day) : precision === 1 ? isoMonth(day) : String(yearOf(day));
    const end = precision === 0 ? day : precision === 1 ? monthOf(day).end : dayOf(yearOf(day), 12, 31);
    const id = ids.take(`${publisher.slug}-${isoDay(day)}`);
    const title = random
      .pick(HEADLINES[publisher.language])
      .replace("{topic}", random.pick(topics).phrase)
      .replace("{cnCity}", random.pick(CHINESE_CITIES)[0])
      .replace("{kzCity}", random.pick(KAZAKH_CITIES)[0]);
    const path = `${isoDay(day).replaceAll("-", "")}/${random.int(0, 0xffffffff).toString(16).padStart(8, "0")}.html`;
    const note = precision === 2 ? "The copy shows only the year of publication." : precision === 1 ? "The page gives the month of publication but no day." : undefined;
    return {
      id,
      language: publisher.language,
      end,
      record: {
        id,
        title: { quoted: title },
        publisher: random.chance(0.97) ? publisher.name : undefined,
        published: { quoted: published },
        language: publisher.language,
        url: random.chance(0.6) ? `https://${publisher.host}/${path}` : undefined,
        note: note === undefined ? undefined : { folded: note },
      },
    };
  });
  return documents.sort((a, b) => a.end - b.end || (a.id < b.id ? -1 : 1));
}

/** k documents published no earlier than `day` (among the next few), so no record predates its report. */
export function documentsReporting(documents: readonly DocumentSpec[], day: number, k: number, random: Random): DocumentSpec[] {
  let low = 0;
  let high = documents.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (documents[mid]!.end < day) low = mid + 1;
    else high = mid;
  }
  const window = documents.slice(low, low + 6);
  if (window.length === 0) throw new RangeError(`no document is published on or after ${isoDay(day)}`);
  return random.sample(window, Math.min(k, window.length));
}
