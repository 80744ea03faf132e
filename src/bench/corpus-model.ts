import type { YamlValue } from "./render-yaml.js";

/** Which delegation a record belongs to. */
export type Side = "CN" | "KZ";

/** One recorded spelling, before it is given a citing document. */
export interface Spelling {
  name: string;
  lang: string;
  kind?: "variant" | "abbreviation";
}

/** A generated document, with the bounds of its publication date as day numbers. */
export interface DocumentSpec {
  id: string;
  language: string;
  /** The last day the publication date can mean: a record citing it must start no later. */
  end: number;
  record: { [key: string]: YamlValue | undefined };
}

/** A generated body, with what people and meetings need to know of it. */
export interface BodySpec {
  id: string;
  name: string;
  country: Side;
  classification: string;
  parent?: string;
  abbreviation?: string;
  spellings: Spelling[];
  /** How likely a person belongs to it: national bodies are far more present in meetings. */
  weight: number;
}

/** A generated person, with the body and role they appear with in meetings. */
export interface PersonSpec {
  id: string;
  name: string;
  side: Side;
  body: BodySpec;
  role: string;
}

/** A generated topic, with the phrase that running text uses for it. */
export interface TopicSpec {
  id: string;
  label: string;
  phrase: string;
  parent?: string;
}

/** A generated visit, with its date bounds as day numbers. */
export interface VisitSpec {
  id: string;
  /** The date exactly as the visit record gives it. */
  date: string | { start: string; end: string };
  start: number;
  end: number;
  host: Side;
  cities: string[];
  leader: PersonSpec;
  documents: string[];
}

/** A file of the generated tree: its path (`sources/…`) and its text. */
export interface CorpusFile {
  path: string;
  text: string;
}
