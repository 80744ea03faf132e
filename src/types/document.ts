/* Generated from schemas/ by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * The document's identifier; equals the file name.
 */
export type Id = string;
/**
 * When it was published, exactly as precise as the text gives; absent where the text gives no date.
 */
export type EventDate = PartialDate | DateRange;
/**
 * An ISO 8601 calendar date exactly as precise as the sources allow: a year (2021), a month (2021-03) or a day (2021-03-17).
 */
export type PartialDate = string;
/**
 * The earliest date the event can have (inclusive).
 */
export type PartialDate1 = string;
/**
 * The latest date the event can have (inclusive); omitted when no document bounds it.
 */
export type PartialDate2 = string;
/**
 * When the document was last updated, where the text gives an update date (e.g. "Updated: 2024-01-29") rather than a publication date.
 */
export type EventDate1 = PartialDate3 | DateRange1;
/**
 * An ISO 8601 calendar date exactly as precise as the sources allow: a year (2021), a month (2021-03) or a day (2021-03-17).
 */
export type PartialDate3 = string;
/**
 * The earliest date the event can have (inclusive).
 */
export type PartialDate4 = string;
/**
 * The latest date the event can have (inclusive); omitted when no document bounds it.
 */
export type PartialDate5 = string;
/**
 * The language the document is written in (BCP-47).
 */
export type LanguageTag = string;
/**
 * SHA-256 of the archived copy's bytes; the validator checks it when the archive is at hand.
 */
export type Sha256 = string;
/**
 * An editorial note on the document, e.g. how its date was deduced.
 */
export type Note = string;

/**
 * A news article, press release or statement that other records cite. Stored in sources/documents/<id>.yaml.
 */
export interface Document {
  id: Id;
  /**
   * The headline exactly as the document gives it.
   */
  title: string;
  /**
   * document (the default): the title is the document's own headline; editorial: the document has none and the title is a description supplied by the editors (note says so).
   */
  title_basis?: "document" | "editorial";
  /**
   * Who published it, as the text shows it; absent where the text names none.
   */
  publisher?: string;
  published?: EventDate;
  updated?: EventDate1;
  language: LanguageTag;
  /**
   * Where the document is published; only when known, never guessed.
   */
  url?: string;
  /**
   * File name of the archived plain-text copy in the archive folder, used to verify direct quotes.
   */
  archive?: string;
  sha256?: Sha256;
  note?: Note;
}
/**
 * A period that bounds an event when the sources do not name its day: the event lies between start and end, both included. Omit end when the sources give no upper bound.
 */
export interface DateRange {
  start: PartialDate1;
  end?: PartialDate2;
}
/**
 * A period that bounds an event when the sources do not name its day: the event lies between start and end, both included. Omit end when the sources give no upper bound.
 */
export interface DateRange1 {
  start: PartialDate4;
  end?: PartialDate5;
}
