/** Publishers, topic words and sentence templates for synthetic documents and meetings. */

/** A publisher: name, id stem, the language it writes in, and the host its URLs use. */
export interface Publisher {
  name: string;
  slug: string;
  language: "en" | "ru" | "zh-Hans" | "kk";
  host: string;
  /** Relative frequency among documents. */
  weight: number;
}

export const PUBLISHERS: readonly Publisher[] = [
  { name: "Xinhua", slug: "xinhua", language: "en", host: "english.news.cn", weight: 8 },
  { name: "Kazinform", slug: "kazinform", language: "en", host: "en.inform.kz", weight: 6 },
  { name: "The Astana Times", slug: "astana-times", language: "en", host: "astanatimes.com", weight: 4 },
  { name: "China Daily", slug: "china-daily", language: "en", host: "www.chinadaily.com.cn", weight: 3 },
  { name: "National People's Congress", slug: "npc", language: "en", host: "www.npc.gov.cn", weight: 3 },
  { name: "CGTN", slug: "cgtn", language: "en", host: "news.cgtn.com", weight: 2 },
  { name: "Press service of the Mazhilis", slug: "mazhilis-press", language: "ru", host: "www.parlam.kz", weight: 3 },
  { name: "Tengrinews", slug: "tengrinews", language: "ru", host: "tengrinews.kz", weight: 2 },
  { name: "Kazakhstanskaya Pravda", slug: "kazpravda", language: "ru", host: "kazpravda.kz", weight: 1 },
  { name: "People's Daily", slug: "peoples-daily", language: "zh-Hans", host: "paper.people.com.cn", weight: 2 },
  { name: "Egemen Qazaqstan", slug: "egemen", language: "kk", host: "egemen.kz", weight: 1 },
];

/** Headlines as the publishers write them; `{topic}` is a topic phrase, `{cnCity}` and `{kzCity}` cities. */
export const HEADLINES: Record<Publisher["language"], readonly string[]> = {
  en: [
    "China, Kazakhstan pledge closer cooperation on {topic}",
    "Chinese lawmakers meet Kazakh counterparts in {kzCity}",
    "Kazakh parliamentary delegation visits {cnCity}",
    "Top legislators of China and Kazakhstan hold talks",
    "Legislators discuss {topic} as ties deepen",
    "China's top legislature vows stronger exchanges with Kazakh parliament",
    "Kazakhstan, China eye new steps in {topic}",
  ],
  ru: [
    "Депутаты Казахстана и Китая обсудили сотрудничество",
    "Делегация Мажилиса провела встречи в Китае",
    "Парламентарии двух стран договорились расширять контакты",
    "Состоялась встреча с делегацией ВСНП",
  ],
  "zh-Hans": ["中哈立法机构加强交流合作", "全国人大代表团访问哈萨克斯坦", "哈萨克斯坦议会代表团访华", "中哈议会合作委员会举行会议"],
  kk: ["Қазақстан мен Қытай парламентарийлері кездесті", "Мәжіліс депутаттары Қытай делегациясын қабылдады", "Екі елдің заң шығарушылары ынтымақтастықты талқылады"],
};

/** The top of the topic tree: label, description, and the phrase used in running text. */
export const TOPIC_ROOTS: readonly (readonly [label: string, phrase: string, description: string])[] = [
  ["Trade", "trade", "Trade in goods and services between the two countries."],
  ["Energy", "energy", "Oil, gas, power and renewable energy."],
  ["Security", "security", "Security cooperation and regional stability."],
  ["Agriculture", "agriculture", "Farming, food supply and agricultural trade."],
  ["Transport and logistics", "transport and logistics", "Rail, road and air links and the movement of freight."],
  ["Culture", "culture", "Cultural exchanges, heritage and the arts."],
  ["Education", "education", "Schools, universities, student exchanges and language teaching."],
  ["Health", "health", "Public health, medicine and health care."],
  ["Legislation", "legislation", "Lawmaking and the exchange of legislative experience."],
  ["Inter-parliamentary cooperation", "inter-parliamentary cooperation", "Ties between the two legislatures and their members."],
  ["Environment", "the environment", "Environmental protection, climate and ecology."],
  ["Water resources", "water resources", "Use and management of shared rivers and water supply."],
  ["Technology", "technology", "Science, innovation and high technology."],
  ["Finance", "finance", "Banking, payments and financial markets."],
  ["Tourism", "tourism", "Travel, visas and tourist exchanges."],
  ["Investment", "investment", "Direct investment and joint projects."],
  ["Digital economy", "the digital economy", "E-commerce, digital services and data."],
  ["Regional cooperation", "regional cooperation", "Cooperation between provinces, regions and cities."],
  ["Media", "the media", "News media, broadcasting and information exchange."],
  ["Sport", "sport", "Sports exchanges and competitions."],
];

/** Narrower aspects of a root topic: label suffix and its phrase. */
export const TOPIC_FACETS: readonly (readonly [label: string, phrase: string])[] = [
  ["policy", "policy"], ["legislation", "legislation"], ["cross-border projects", "cross-border projects"],
  ["investment", "investment"], ["infrastructure", "infrastructure"], ["standards", "standards"], ["training", "training"],
  ["research", "research"], ["statistics", "statistics"], ["youth", "youth programmes"], ["small business", "small business"],
  ["public-private partnership", "public-private partnership"], ["dispute resolution", "dispute resolution"],
  ["international organizations", "international organizations"], ["border regions", "border regions"], ["innovation", "innovation"],
  ["emergency response", "emergency response"], ["digital tools", "digital tools"], ["labour", "labour"], ["financing", "financing"],
  ["quality control", "quality control"], ["local government", "local government"], ["skills", "skills"], ["pilot zones", "pilot zones"],
  ["customs", "customs"], ["joint ventures", "joint ventures"], ["monitoring", "monitoring"], ["exchanges of experts", "exchanges of experts"],
];

/** Still narrower qualifiers, for the third level of topics and below. */
export const TOPIC_QUALIFIERS: readonly string[] = [
  "national level", "provincial level", "city level", "bilateral agreements", "multilateral forums", "pilot programmes",
  "long-term plans", "private sector",
];

export const SUMMARY_OPENINGS: readonly string[] = [
  "{cn} and {kz} discussed {topic} and agreed to keep in close contact.",
  "{kz} received {cn}, and the two sides reviewed cooperation on {topic}.",
  "{cn} met {kz} to prepare further exchanges on {topic}.",
  "The two sides, led by {cn} and {kz}, exchanged views on {topic}.",
];

export const SUMMARY_SENTENCES: readonly string[] = [
  "They agreed to strengthen exchanges between the {cnBody} and the {kzBody}.",
  "The Chinese side briefed its guests on {topic}.",
  "The Kazakh side presented its plans for {topic}.",
  "Both sides welcomed progress on {topic} and called for more joint projects.",
  "They noted the anniversary of diplomatic relations and praised the growth of trade.",
  "The meeting ended with an agreement to hold the next round of talks within a year.",
  "Both sides stressed the role of legislatures in supporting {topic}.",
];

/** Quote templates per language: direct (first person) and paraphrase (reported speech). */
export const QUOTES: Record<"direct" | "paraphrase", Record<Publisher["language"], readonly string[]>> = {
  direct: {
    en: [
      "We are ready to deepen our cooperation on {topic}.",
      "Our parliaments have done a great deal for {topic}, and we can do more.",
      "Kazakhstan and China are good neighbours and reliable partners.",
      "The {body} will support every effort on {topic}.",
    ],
    ru: ["Мы готовы углублять сотрудничество.", "Наши парламенты могут сделать для этого больше."],
    "zh-Hans": ["中方愿同哈方深化各领域合作。", "两国立法机构交流合作潜力巨大。"],
    kk: ["Біз ынтымақтастықты тереңдетуге дайынбыз."],
  },
  paraphrase: {
    en: [
      "{speaker} said that the two legislatures should step up cooperation on {topic}.",
      "{speaker} called for closer exchanges between the two parliaments.",
      "{speaker} noted the steady progress of {topic} in recent years.",
      "{speaker} said the {body} was willing to share its experience in {topic}.",
    ],
    ru: ["{speaker} отметил важность межпарламентского сотрудничества.", "{speaker} предложил расширить обмен опытом."],
    "zh-Hans": ["{speaker}表示，愿与哈方加强立法机构交流。", "{speaker}说，双方合作前景广阔。"],
    kk: ["{speaker} екі ел арасындағы ынтымақтастықтың маңызын атап өтті."],
  },
};
