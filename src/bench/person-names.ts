import type { Random } from "./prng.js";
import {
  CHINESE_GIVEN_SYLLABLES, CHINESE_SURNAMES, KAZAKH_FEMALE_NAMES, KAZAKH_MALE_NAMES,
  KAZAKH_SURNAME_HEADS, KAZAKH_SURNAME_TAILS, type CyrillicPart,
} from "./vocabulary-names.js";

/** A drawn name: its canonical Latin spelling, other Latin spellings, and spellings in other scripts. */
export interface DrawnName {
  latin: string;
  /** Transliteration variants a report might use, most plausible first (not yet checked for clashes). */
  variants: string[];
  /** [lang, spelling] in the person's own scripts. */
  scripts: [lang: string, name: string][];
}

/** A Chinese name, family name first: `Zhao Leji`, 赵乐际. */
export function drawChineseName(random: Random): DrawnName {
  const [surname, surnameHans] = random.pickSkewed(CHINESE_SURNAMES, 1.5);
  const syllables = random.sample(CHINESE_GIVEN_SYLLABLES, random.chance(0.25) ? 1 : 2);
  const given = syllables.map(([p], i) => (i === 0 ? p : p.toLowerCase())).join("");
  const latin = `${surname} ${given}`;
  const variants = [`${given} ${surname}`, wadeGiles(latin)];
  if (syllables.length === 2) variants.push(`${surname} ${syllables[0]![0]}-${syllables[1]![0].toLowerCase()}`);
  const hans = surnameHans + syllables.map(([, h]) => h).join("");
  const distinct = [...new Set(variants)].filter((v) => v !== latin);
  return { latin, variants: random.sample(distinct, distinct.length), scripts: [["zh-Hans", hans]] };
}

/** A Kazakh name, given name first, sometimes with a patronymic: `Yerlan Zhakanovich Koshanov`. */
export function drawKazakhName(random: Random, patronymic: boolean): DrawnName {
  const female = random.chance(0.25);
  const first = random.pick(female ? KAZAKH_FEMALE_NAMES : KAZAKH_MALE_NAMES);
  const head = random.pick(KAZAKH_SURNAME_HEADS);
  const tail = random.pick(KAZAKH_SURNAME_TAILS);
  const surname = [0, 1, 2].map((i) => familyName(head[i]! + tail[i]!, female)) as unknown as CyrillicPart;
  const father = patronymic ? random.pick(KAZAKH_MALE_NAMES) : undefined;
  const middle = father ? ([0, 1, 2].map((i) => patronymicOf(father[i]!, female)) as unknown as CyrillicPart) : undefined;
  const spell = (i: 0 | 1 | 2) => [first[i], middle?.[i], surname[i]].filter(Boolean).join(" ");
  const latin = spell(0);
  const variants = [
    latin.replace(/\bYe/g, "E"),
    latin.replace(/Zh/g, "J").replace(/zh/g, "j"),
    latin.replace(/kh/g, "h").replace(/Kh/g, "H"),
    latin.replace(/yev(a?)\b/g, "ev$1"),
    `${surname[0]} ${first[0]}`,
    `${first[0]} ${surname[0]}`,
    latin.replace(/([a-z])\1/, "$1"),
  ].filter((v) => v !== latin);
  const scripts: [string, string][] = [["ru", spell(1)], ["kk-Cyrl", spell(2)]];
  return { latin, variants: [...new Set(random.sample(variants, variants.length))], scripts };
}

/** Family name from a stem: -ov/-ev (-ova/-eva), with Russian spelling dropping й before -ев. */
function familyName(stem: string, female: boolean): string {
  const end = female ? "a" : "";
  if (/[a-z]/i.test(stem)) return stem + (/[iy]$/.test(stem) ? "ev" : "ov") + end;
  const cyrEnd = female ? "а" : "";
  if (/й$/.test(stem)) return stem.slice(0, -1) + "ев" + cyrEnd;
  return stem + (/[иі]$/.test(stem) ? "ев" : "ов") + cyrEnd;
}

function patronymicOf(name: string, female: boolean): string {
  if (/[a-z]/i.test(name)) return name + (/y$/.test(name) ? "e" : "o") + (female ? "vna" : "vich");
  const stem = name.replace(/[йь]$/, "");
  return stem + (stem !== name ? "е" : "о") + (female ? "вна" : "вич");
}

/** A rough Wade–Giles rendering of pinyin, as older English reports spell Chinese names. */
function wadeGiles(pinyin: string): string {
  return pinyin.replace(/Zh/g, "Ch").replace(/zh/g, "ch").replace(/X/g, "Hs").replace(/x/g, "hs").replace(/Q/g, "Ch").replace(/q/g, "ch");
}
