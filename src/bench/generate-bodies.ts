import type { BodySpec, Side, Spelling } from "./corpus-model.js";
import { IdPool, slugify } from "./slugs.js";
import { CHINESE_CITIES, CHINESE_PROVINCES, KAZAKH_CITIES, SUBJECTS } from "./vocabulary-places.js";

type Draft = Omit<BodySpec, "id" | "spellings"> & { slug: string; spellings?: Spelling[] };

const npc = "National People's Congress";

/**
 * `count` bodies, alternating between the two countries: first the national institutions, then
 * provincial and city legislatures, councils and party organs with their committees, then (for
 * very large corpora) working groups under the committees. A parent always comes before its children.
 */
export function generateBodies(count: number): BodySpec[] {
  const ids = new IdPool();
  const bodies: BodySpec[] = [];
  const add = (draft: Draft): BodySpec => {
    const { slug, spellings = [], ...rest } = draft;
    const body: BodySpec = { ...rest, id: ids.take(slug), spellings: [{ name: draft.name, lang: "en" }, ...spellings] };
    if (draft.abbreviation) body.spellings.push({ name: draft.abbreviation, lang: "en", kind: "abbreviation" });
    bodies.push(body);
    return body;
  };
  const cn = chineseBodies(add);
  const kz = kazakhBodies(add);
  let cnDone = false;
  let kzDone = false;
  while (bodies.length < count && !(cnDone && kzDone)) {
    if (!cnDone) cnDone = cn.next().done === true;
    if (bodies.length < count && !kzDone) kzDone = kz.next().done === true;
  }
  const committees = bodies.filter((b) => b.classification === "committee");
  for (let round = 1; bodies.length < count; round++) {
    for (const committee of committees) {
      if (bodies.length >= count) break;
      const subject = SUBJECTS[(round + bodies.length) % SUBJECTS.length]![0];
      const name = `Working Group ${round} on ${subject} of the ${committee.name}`;
      add({ slug: slugify(`${committee.id}-working-group-${round}`), name, country: committee.country, classification: "committee", parent: committee.id, weight: 0.5 });
    }
  }
  return bodies.slice(0, count);
}

type Add = (draft: Draft) => BodySpec;

function* chineseBodies(add: Add): Generator<BodySpec, void> {
  const country: Side = "CN";
  const congress = add({ slug: "national-peoples-congress", name: npc, abbreviation: "NPC", country, classification: "parliament", weight: 40, spellings: [{ name: "全国人民代表大会", lang: "zh-Hans" }, { name: "National People’s Congress of China", lang: "en", kind: "variant" }] });
  yield congress;
  yield add({ slug: "npc-standing-committee", name: `Standing Committee of the ${npc}`, abbreviation: "NPCSC", country, classification: "committee", parent: congress.id, weight: 40, spellings: [{ name: "全国人民代表大会常务委员会", lang: "zh-Hans" }, { name: "NPC Standing Committee", lang: "en", kind: "variant" }] });
  const party = add({ slug: "communist-party-of-china", name: "Communist Party of China", abbreviation: "CPC", country, classification: "political-party", weight: 8, spellings: [{ name: "中国共产党", lang: "zh-Hans" }, { name: "Chinese Communist Party", lang: "en", kind: "variant" }] });
  yield party;
  const cppcc = add({ slug: "cppcc-national-committee", name: "National Committee of the Chinese People's Political Consultative Conference", abbreviation: "CPPCC", country, classification: "consultative-body", weight: 8, spellings: [{ name: "中国人民政治协商会议全国委员会", lang: "zh-Hans" }] });
  yield cppcc;
  const council = add({ slug: "state-council-of-china", name: "State Council of the People's Republic of China", country, classification: "government", weight: 6, spellings: [{ name: "中华人民共和国国务院", lang: "zh-Hans" }] });
  yield council;
  yield add({ slug: "ministry-of-foreign-affairs-of-china", name: "Ministry of Foreign Affairs of the People's Republic of China", country, classification: "government", parent: council.id, weight: 6, spellings: [{ name: "中华人民共和国外交部", lang: "zh-Hans" }] });
  yield add({ slug: "presidency-of-china", name: "Presidency of the People's Republic of China", country, classification: "executive-office", weight: 3, spellings: [{ name: "中华人民共和国主席", lang: "zh-Hans" }] });
  for (const [en, hans] of SUBJECTS) {
    yield add({ slug: slugify(`npc-${en}-committee`), name: `${en} Committee of the ${npc}`, country, classification: "committee", parent: congress.id, weight: 10, spellings: [{ name: `全国人民代表大会${hans}委员会`, lang: "zh-Hans" }] });
  }
  for (const [en, hans, kind] of CHINESE_PROVINCES) {
    const level = { province: ["Provincial", "省"], municipality: ["Municipal", "市"], region: ["Autonomous Region", "自治区"] }[kind];
    const name = `${en} ${level[0]} People's Congress`;
    const local = add({ slug: slugify(name), name, country, classification: "local-council", weight: 1.5, spellings: [{ name: `${hans}${level[1]}人民代表大会`, lang: "zh-Hans" }] });
    yield local;
    const standing = add({ slug: slugify(`${name} standing committee`), name: `Standing Committee of the ${name}`, country, classification: "committee", parent: local.id, weight: 1.5, spellings: [{ name: `${hans}${level[1]}人民代表大会常务委员会`, lang: "zh-Hans" }] });
    yield standing;
    yield add({ slug: slugify(`${en} committee of the cppcc`), name: `${en} Committee of the CPPCC`, country, classification: "consultative-body", parent: cppcc.id, weight: 1 });
    yield add({ slug: slugify(`${en} committee of the cpc`), name: `${en} ${level[0]} Committee of the Communist Party of China`, country, classification: "political-party", parent: party.id, weight: 1 });
    for (const [subject, stem] of SUBJECTS.slice(0, 10)) {
      yield add({ slug: slugify(`${name} ${subject} committee`), name: `${subject} Committee of the ${name}`, country, classification: "committee", parent: local.id, weight: 1, spellings: [{ name: `${hans}${level[1]}人民代表大会${stem}委员会`, lang: "zh-Hans" }] });
    }
  }
  for (const [en, hans] of CHINESE_CITIES) {
    const name = `${en} Municipal People's Congress`;
    const local = add({ slug: slugify(name), name, country, classification: "local-council", weight: 1, spellings: [{ name: `${hans}市人民代表大会`, lang: "zh-Hans" }] });
    yield local;
    yield add({ slug: slugify(`${name} standing committee`), name: `Standing Committee of the ${name}`, country, classification: "committee", parent: local.id, weight: 1 });
    yield add({ slug: slugify(`${en} municipal committee of the cpc`), name: `${en} Municipal Committee of the Communist Party of China`, country, classification: "political-party", parent: party.id, weight: 1 });
    for (const [subject, stem] of SUBJECTS.slice(0, 6)) {
      yield add({ slug: slugify(`${name} ${subject} committee`), name: `${subject} Committee of the ${name}`, country, classification: "committee", parent: local.id, weight: 0.5, spellings: [{ name: `${hans}市人民代表大会${stem}委员会`, lang: "zh-Hans" }] });
    }
  }
}

function* kazakhBodies(add: Add): Generator<BodySpec, void> {
  const country: Side = "KZ";
  const parliament = add({ slug: "parliament-of-kazakhstan", name: "Parliament of the Republic of Kazakhstan", country, classification: "parliament", weight: 20, spellings: [{ name: "Парламент Республики Казахстан", lang: "ru" }, { name: "Қазақстан Республикасының Парламенті", lang: "kk-Cyrl" }, { name: "Kazakh Parliament", lang: "en", kind: "variant" }] });
  yield parliament;
  const mazhilis = add({ slug: "mazhilis", name: "Mazhilis", country, classification: "chamber", parent: parliament.id, weight: 40, spellings: [{ name: "Majilis", lang: "en", kind: "variant" }, { name: "Мажилис", lang: "ru" }, { name: "Мәжіліс", lang: "kk-Cyrl" }] });
  yield mazhilis;
  const senate = add({ slug: "senate-of-kazakhstan", name: "Senate of the Parliament of Kazakhstan", country, classification: "chamber", parent: parliament.id, weight: 30, spellings: [{ name: "Сенат Парламента Республики Казахстан", lang: "ru" }, { name: "Senate of Kazakhstan", lang: "en", kind: "variant" }] });
  yield senate;
  const government = add({ slug: "government-of-kazakhstan", name: "Government of the Republic of Kazakhstan", country, classification: "government", weight: 6, spellings: [{ name: "Правительство Республики Казахстан", lang: "ru" }] });
  yield government;
  yield add({ slug: "ministry-of-foreign-affairs-of-kazakhstan", name: "Ministry of Foreign Affairs of the Republic of Kazakhstan", country, classification: "government", parent: government.id, weight: 6, spellings: [{ name: "Министерство иностранных дел Республики Казахстан", lang: "ru" }] });
  yield add({ slug: "presidential-administration-of-kazakhstan", name: "Administration of the President of the Republic of Kazakhstan", country, classification: "executive-office", weight: 3, spellings: [{ name: "Администрация Президента Республики Казахстан", lang: "ru" }] });
  const amanat = add({ slug: "amanat-party", name: "Amanat Party", country, classification: "political-party", weight: 6, spellings: [{ name: "Партия «Аманат»", lang: "ru" }, { name: "AMANAT", lang: "en", kind: "variant" }] });
  yield amanat;
  yield add({ slug: "ak-zhol-party", name: "Ak Zhol Democratic Party", country, classification: "political-party", weight: 3, spellings: [{ name: "Демократическая партия «Ак жол»", lang: "ru" }, { name: "«Ақ жол» демократиялық партиясы", lang: "kk-Cyrl" }] });
  const assembly = add({ slug: "assembly-of-people-of-kazakhstan", name: "Assembly of People of Kazakhstan", abbreviation: "APK", country, classification: "consultative-body", weight: 4, spellings: [{ name: "Ассамблея народа Казахстана", lang: "ru" }] });
  yield assembly;
  for (const chamber of [mazhilis, senate]) {
    const ru = chamber === mazhilis ? "Мажилиса" : "Сената";
    const short = chamber === mazhilis ? "Mazhilis" : "Senate";
    for (const [subject, , phrase] of SUBJECTS) {
      yield add({ slug: slugify(`${short} committee on ${subject}`), name: `Committee on ${subject} of the ${short}`, country, classification: "committee", parent: chamber.id, weight: 10, spellings: [{ name: `Комитет ${phrase} ${ru}`, lang: "ru" }] });
    }
  }
  for (const [en, ru, kk] of KAZAKH_CITIES) {
    const name = `${en} City Maslikhat`;
    const maslikhat = add({ slug: slugify(name), name, country, classification: "local-council", weight: 1.5, spellings: [{ name: `Маслихат города ${ru}`, lang: "ru" }, { name: `${kk} қалалық мәслихаты`, lang: "kk-Cyrl" }] });
    yield maslikhat;
    yield add({ slug: slugify(`akimat of ${en}`), name: `Akimat of ${en}`, country, classification: "government", weight: 1, spellings: [{ name: `Акимат города ${ru}`, lang: "ru" }] });
    yield add({ slug: slugify(`${en} branch of the amanat party`), name: `${en} Branch of the Amanat Party`, country, classification: "political-party", parent: amanat.id, weight: 0.5 });
    yield add({ slug: slugify(`${en} assembly of people`), name: `${en} City Assembly of People of Kazakhstan`, country, classification: "consultative-body", parent: assembly.id, weight: 0.5 });
    yield add({ slug: slugify(`public council of ${en}`), name: `Public Council of ${en}`, country, classification: "consultative-body", weight: 0.5, spellings: [{ name: `Общественный совет города ${ru}`, lang: "ru" }] });
    for (const [subject, , phrase] of SUBJECTS.slice(0, 10)) {
      yield add({ slug: slugify(`${name} commission on ${subject}`), name: `Standing Commission on ${subject} of the ${name}`, country, classification: "committee", parent: maslikhat.id, weight: 0.5, spellings: [{ name: `Постоянная комиссия ${phrase} маслихата города ${ru}`, lang: "ru" }] });
    }
  }
}
