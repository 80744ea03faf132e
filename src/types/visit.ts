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
  note?: Note;
}
/**
 * A period that bounds an event when the sources do not name its day: the event lies between start and end, both included. Omit end when the sources give no upper bound.
 */
export interface DateRange {
  start: PartialDate1;
  end?: PartialDate2;
}
