/* Generated from schemas/ by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * The meeting's identifier; equals the file name.
 */
export type Id = string;
/**
 * When the meeting took place, exactly as precise as the documents allow.
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
 * The day of the week a document states for the meeting (e.g. "on Thursday"), when it states one; the date or range must hold such a day.
 */
export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
/**
 * The country (ISO 3166-1 alpha-2).
 */
export type CountryCode = string;
/**
 * The visit this meeting was part of, if any.
 */
export type Id1 = string;
/**
 * The participant (a person id).
 */
export type Id2 = string;
/**
 * The body the participant represented at this meeting.
 */
export type Id3 = string;
/**
 * The office held in `body`, an editorial slug that stays the same however the documents word the role (role keeps their wording). Positions are derived from it; a participant without one is not in positions.
 */
export type Office = string;
/**
 * The participant's side: CN or KZ.
 */
export type Side = "CN" | "KZ";
/**
 * A record identifier: a lowercase slug of letters, digits and single hyphens, assigned once and never changed. It is also the file name (without .yaml).
 */
export type Id4 = string;
/**
 * The quote's identifier, unique across the dataset.
 */
export type Id5 = string;
/**
 * Who said it (a person id); must be a participant of this meeting.
 */
export type Id6 = string;
/**
 * The language of the text as printed; defaults to the document's language.
 */
export type LanguageTag = string;
/**
 * The document the quote is taken from; must be one of the meeting's documents.
 */
export type Id7 = string;
/**
 * The documents that report the meeting.
 *
 * @minItems 1
 * @maxItems 100
 */
export type DocumentRefs = [Id8, ...Id8[]];
/**
 * A record identifier: a lowercase slug of letters, digits and single hyphens, assigned once and never changed. It is also the file name (without .yaml).
 */
export type Id8 = string;
/**
 * An editorial note, e.g. how the date was deduced from the text.
 */
export type Note = string;

/**
 * One meeting between the two sides. Stored in sources/meetings/<yyyy>/<id>.yaml, where yyyy is the year of its date.
 */
export interface Meeting {
  id: Id;
  /**
   * A short descriptive title in our own words.
   */
  title: string;
  date: EventDate;
  weekday?: Weekday;
  /**
   * How the meeting was held: in-person, video or phone.
   */
  format: "in-person" | "video" | "phone";
  /**
   * Where the meeting took place, as far as the documents state it (for a video call, where the reporting side sat).
   */
  location?: {
    /**
     * The city, in English.
     */
    city?: string;
    country?: CountryCode;
  };
  visit?: Id1;
  /**
   * Who took part, each with the body they represented and their role as reported.
   *
   * @minItems 1
   * @maxItems 500
   */
  participants: [
    {
      person: Id2;
      body: Id3;
      /**
       * The participant's role as the documents report it, e.g. Speaker of the Mazhilis.
       */
      role?: string;
      office?: Office;
      side: Side;
    },
    ...{
      person: Id2;
      body: Id3;
      /**
       * The participant's role as the documents report it, e.g. Speaker of the Mazhilis.
       */
      role?: string;
      office?: Office;
      side: Side;
    }[]
  ];
  /**
   * The topics (ids) the documents report the meeting discussed.
   *
   * @maxItems 200
   */
  topics?: Id4[];
  /**
   * What participants said: direct quotations verbatim, reported speech in the document's own wording.
   *
   * @maxItems 500
   */
  quotes?: {
    id: Id5;
    speaker: Id6;
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
  documents: DocumentRefs;
  /**
   * What the meeting was about, in our own words.
   */
  summary: string;
  note?: Note;
}
/**
 * A period that bounds an event when the sources do not name its day: the event lies between start and end, both included. Omit end when the sources give no upper bound.
 */
export interface DateRange {
  start: PartialDate1;
  end?: PartialDate2;
}
