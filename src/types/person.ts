/* Generated from schemas/ by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * The person's identifier; equals the file name.
 */
export type Id = string;
/**
 * The language (and script) the name is written in, as a BCP-47 tag.
 */
export type LanguageTag = string;
/**
 * The document that attests this spelling. Required unless basis is editorial.
 */
export type Id1 = string;
/**
 * Why an editorial spelling is recorded, or any remark on this spelling.
 */
export type Note = string;
/**
 * The country the person serves or represents (ISO 3166-1 alpha-2).
 */
export type CountryCode = string;
/**
 * The documents that report this person.
 *
 * @minItems 1
 * @maxItems 100
 */
export type DocumentRefs = [Id2, ...Id2[]];
/**
 * A record identifier: a lowercase slug of letters, digits and single hyphens, assigned once and never changed. It is also the file name (without .yaml).
 */
export type Id2 = string;
/**
 * An editorial note on the person.
 */
export type Note1 = string;

/**
 * A person who takes part in or is mentioned by a meeting report. Stored in sources/people/<id>.yaml.
 */
export interface Person {
  id: Id;
  /**
   * The canonical name in English; must be one of the recorded names.
   */
  name: string;
  /**
   * Every spelling the documents use (including the canonical one), each with its language and the document that attests it.
   *
   * @minItems 1
   * @maxItems 100
   */
  names: [RecordedName, ...RecordedName[]];
  country: CountryCode;
  documents: DocumentRefs;
  note?: Note1;
}
/**
 * One spelling of a name as a document writes it, or an editorial one with a note.
 */
export interface RecordedName {
  /**
   * The name exactly as written.
   */
  name: string;
  lang: LanguageTag;
  /**
   * variant (a full spelling, the default) or abbreviation. The spelling equal to the record's canonical name is published as kind canonical.
   */
  kind?: "variant" | "abbreviation";
  document?: Id1;
  /**
   * document (the default): attested by the cited document; editorial: no document gives it, and note says why it is recorded.
   */
  basis?: "document" | "editorial";
  note?: Note;
}
