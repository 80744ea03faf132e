import type { PersonSpec, TopicSpec } from "./corpus-model.js";
import type { Random } from "./prng.js";
import { QUOTES, SUMMARY_OPENINGS, SUMMARY_SENTENCES, type Publisher } from "./vocabulary-text.js";

/** What a meeting's prose is written from. */
export interface MeetingFacts {
  people: readonly PersonSpec[];
  cn: PersonSpec;
  kz: PersonSpec;
  format: string;
  city: string | undefined;
  topics: readonly TopicSpec[];
  documents: readonly string[];
  documentLanguage: ReadonlyMap<string, string>;
  precision: "day" | "month" | "year" | "range";
  inVisit: boolean;
}

/** A generated quote, before it gets its id. */
export interface QuoteText {
  speaker: string;
  kind: "direct" | "paraphrase";
  text: string;
  document: string;
}

const NOTES: Record<MeetingFacts["precision"], string | undefined> = {
  day: undefined,
  month: "Date: the report gives the month of the meeting but not its day.",
  year: "Date: the report gives only the year; it names neither the month nor the day.",
  range: "Date: the report bounds the meeting by the days of the talks but does not say on which day it was held.",
};

/** Title, summary (our own words), quotes (the documents' words) and an editorial note for a meeting. */
export function meetingText(facts: MeetingFacts, random: Random): { title: string; summary: string; note?: string; quotes: QuoteText[] } {
  const kind = { "in-person": "Meeting", video: "Video call", phone: "Phone call" }[facts.format] ?? "Meeting";
  const title = `${kind} between ${facts.cn.name} and ${facts.kz.name}${facts.city ? ` in ${facts.city}` : ""}`;
  const topic = () => (facts.topics.length ? random.pick(facts.topics).phrase : "bilateral cooperation");
  const fill = (template: string) =>
    template
      .replace("{cn}", facts.cn.name)
      .replace("{kz}", facts.kz.name)
      .replace("{cnBody}", facts.cn.body.name)
      .replace("{kzBody}", facts.kz.body.name)
      .replace("{topic}", topic());
  const sentences = [fill(random.pick(SUMMARY_OPENINGS)), ...random.sample(SUMMARY_SENTENCES, random.int(1, 3)).map(fill)];
  if (facts.inVisit) sentences.push("The meeting was part of the delegation's visit.");
  const quotes: QuoteText[] = [];
  for (let i = random.weighted([50, 25, 15, 10]); i > 0; i--) {
    const speaker = random.pick(facts.people);
    const document = random.pick(facts.documents);
    const kind = random.chance(0.15) ? "direct" : "paraphrase";
    const language = (facts.documentLanguage.get(document) ?? "en") as Publisher["language"];
    const text = random
      .pick(QUOTES[kind][language])
      .replace("{speaker}", speaker.name)
      .replace("{body}", speaker.body.name)
      .replace("{topic}", topic());
    quotes.push({ speaker: speaker.id, kind, text, document });
  }
  const note = NOTES[facts.precision] ?? (random.chance(0.03) ? "Participants: only the people the report names are recorded." : undefined);
  return { title, summary: sentences.join(" "), ...(note !== undefined ? { note } : {}), quotes };
}
