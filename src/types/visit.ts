/* Generated from schemas/ by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * The visit's identifier; equals the file name.
 */
export type Id = string;
/**
 * When the visit took place, as precise as the documents allow.
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
 * The body the delegation represents.
 */
export type Id1 = string;
/**
 * The person who led the delegation.
 */
export type Id2 = string;
/**
 * The country visited (ISO 3166-1 alpha-2).
 */
export type CountryCode = string;
/**
 * The documents that report the visit.
 *
 * @minItems 1
 * @maxItems 100
 */
export type DocumentRefs = [Id3, ...Id3[]];
/**
 * A record identifier: a lowercase slug of letters, digits and single hyphens, assigned once and never changed. It is also the file name (without .yaml).
 */
export type Id3 = string;
/**
 * A record identifier: a lowercase slug of letters, digits and single hyphens, assigned once and never changed. It is also the file name (without .yaml).
 */
export type Id4 = string;
/**
 * The quote's identifier, unique across the dataset.
 */
export type Id5 = string;
/**
 * Who said it (a person id), where the document names a person; omitted when it names only a side ("the Kazakh side").
 */
export type Id6 = string;
/**
 * The side the remark came from: CN or KZ.
 */
export type Side = "CN" | "KZ";
/**
 * The language of the text as printed; defaults to the document's language.
 */
export type LanguageTag = string;
/**
 * The document the quote is taken from; must be one of the meeting's documents.
 */
export type Id7 = string;
/**
 * An editorial note, e.g. how the dates were deduced.
 */
export type Note = string;

/**
 * A delegation's trip that holds several meetings. Stored in sources/visits/<id>.yaml.
 */
export interface Visit {
  id: Id;
  /**
   * A short descriptive title in our own words.
   */
  title: string;
  date: EventDate;
  /**
   * The visiting delegation.
   */
  delegation: {
    body: Id1;
    leader?: Id2;
  };
  host_country: CountryCode;
  /**
   * The cities the documents say the visit went to, in English.
   *
   * @maxItems 50
   */
  cities?: string[];
  documents: DocumentRefs;
  /**
   * The topics (ids) a document reports for the visit as a whole, not for one of its meetings.
   *
   * @maxItems 200
   */
  topics?: Id4[];
  /**
   * Remarks a document reports for the visit as a whole, not for one of its meetings: direct quotations verbatim, reported speech in the document's own wording.
   *
   * @maxItems 500
   */
  quotes?: {
    id: Id5;
    speaker?: Id6;
    side: Side;
    /**
     * direct: a verbatim quotation; paraphrase: reported speech as the document words it.
     */
    kind: "direct" | "paraphrase";
    /**
     * The words exactly as the document prints them, without the surrounding quotation marks.
     */
    text: string;
    language?: LanguageTag;
    document: Id7;
  }[];
  /**
   * What the documents report of the visit as a whole, in our own words.
   */
  summary?: string;
  note?: Note;
}
/**
 * A period that bounds an event when the sources do not name its day: the event lies between start and end, both included. Omit end when the sources give no upper bound.
 */
export interface DateRange {
  start: PartialDate1;
  end?: PartialDate2;
}
