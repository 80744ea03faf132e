import { nameSkeleton } from "../validate/meaning/check-duplicates.js";
import type { BodySpec, DocumentSpec, PersonSpec, Side } from "./corpus-model.js";
import { drawChineseName, drawKazakhName, type DrawnName } from "./person-names.js";
import type { Random } from "./prng.js";
import type { YamlMap } from "./render-yaml.js";
import { IdPool, slugify } from "./slugs.js";

/** Role titles by body classification, most frequent first; `{body}` is the body's name. */
const ROLES: Record<string, readonly string[]> = {
  parliament: ["deputy to the {body}", "vice-chairman of the {body}", "chairman of the {body}"],
  chamber: ["deputy of the {body}", "deputy speaker of the {body}", "speaker of the {body}", "secretary of the {body}"],
  committee: ["member of the {body}", "vice-chairman of the {body}", "chairman of the {body}", "secretary of the {body}"],
  government: ["official of the {body}", "deputy head of the {body}", "head of the {body}"],
  "executive-office": ["adviser at the {body}", "deputy head of the {body}", "head of the {body}"],
  "political-party": ["member of the {body}", "secretary of the {body}", "chairman of the {body}"],
  "local-council": ["deputy of the {body}", "secretary of the {body}", "chairman of the {body}"],
  "consultative-body": ["member of the {body}", "vice-chairman of the {body}"],
};

/** A person as generated: what meetings need, and the record to write. */
export interface GeneratedPerson {
  spec: PersonSpec;
  record: YamlMap;
}

/**
 * `count` people, half from each country, each with a body and role, one to three Latin spellings
 * (plus, for some, Cyrillic or Chinese ones) and no name that equals another person's up to
 * transliteration (the validator's duplicate/person).
 */
export function generatePeople(count: number, bodies: readonly BodySpec[], documents: readonly DocumentSpec[], random: Random): GeneratedPerson[] {
  const taken = new Set<string>();
  const ids = new IdPool();
  const pickBody = { CN: weightedPicker(bodies.filter((b) => b.country === "CN")), KZ: weightedPicker(bodies.filter((b) => b.country === "KZ")) };
  const people: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const side: Side = i % 2 === 0 ? "KZ" : "CN";
    const drawn = drawFreeName(side, random, taken);
    const spellings = [drawn.latin];
    const own = nameSkeleton(drawn.latin);
    const wanted = random.weighted([70, 20, 10]);
    for (const variant of drawn.variants) {
      if (spellings.length > wanted) break;
      const key = nameSkeleton(variant);
      if (!spellings.includes(variant) && (key === own || !taken.has(key))) spellings.push(variant);
    }
    for (const s of spellings) taken.add(nameSkeleton(s));
    const body = pickBody[side](random);
    const role = ROLES[body.classification]![random.weighted([6, 2, 1, 1].slice(0, ROLES[body.classification]!.length))]!.replace("{body}", body.name);
    const spec: PersonSpec = { id: ids.take(slugify(drawn.latin)), name: drawn.latin, side, body, role };
    people.push({ spec, record: personRecord(spec, spellings, drawn, documents, random) });
  }
  return people;
}

function drawFreeName(side: Side, random: Random, taken: ReadonlySet<string>): DrawnName {
  for (let attempt = 0; ; attempt++) {
    const drawn = side === "CN" ? drawChineseName(random) : drawKazakhName(random, attempt > 6 || random.chance(0.1));
    if (!taken.has(nameSkeleton(drawn.latin))) return drawn;
  }
}

function personRecord(spec: PersonSpec, spellings: string[], drawn: DrawnName, documents: readonly DocumentSpec[], random: Random): YamlMap {
  const cited = random.sample(documents, random.weighted([0, 60, 30, 10])).map((d) => d.id);
  const names: YamlMap[] = spellings.map((name, i) => ({ name, lang: "en", kind: i === 0 ? undefined : "variant", document: random.pick(cited) }));
  const share = spec.side === "CN" ? [0.4] : [0.3, 0.15];
  drawn.scripts.forEach(([lang, name], i) => {
    if (random.chance(share[i] ?? 0)) names.push({ name, lang, document: random.pick(cited) });
  });
  const note = spellings.length > 1 && random.chance(0.4) ? `Spelled "${spellings[1]}" in some reports and "${spellings[0]}" in most others; the canonical name is the more frequent spelling.` : undefined;
  return { id: spec.id, name: spec.name, names, country: spec.side, documents: cited, note: note === undefined ? undefined : { folded: note } };
}

/** Draws bodies in proportion to their weight (binary search over cumulative weights). */
function weightedPicker(bodies: readonly BodySpec[]): (random: Random) => BodySpec {
  const cumulative: number[] = [];
  let total = 0;
  for (const b of bodies) cumulative.push((total += b.weight));
  return (random) => {
    const u = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > u) high = mid;
      else low = mid + 1;
    }
    return bodies[low]!;
  };
}
