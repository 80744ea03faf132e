/* Generated from schemas/ by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * The body's identifier; equals the file name.
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
 * The country the body belongs to (ISO 3166-1 alpha-2).
 */
export type CountryCode = string;
/**
 * The body this one belongs to (a committee's congress, a chamber's parliament), where the documents make it clear.
 */
export type Id2 = string;
/**
 * The documents that report this body.
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
 * An editorial note on the body, e.g. why its parent is recorded.
 */
export type Note1 = string;

/**
 * A chamber, committee, government office, party organ or local council. Stored in sources/bodies/<id>.yaml.
 */
export interface Body {
  id: Id;
  /**
   * The canonical name in English; must be one of the recorded names.
   */
  name: string;
  /**
   * Every spelling the documents use (including the canonical one and abbreviations), each with its language and document.
   *
   * @minItems 1
   * @maxItems 100
   */
  names: [RecordedName, ...RecordedName[]];
  /**
   * The abbreviation the documents use, e.g. NPC; must be one of the recorded names.
   */
  abbreviation?: string;
  country: CountryCode;
  /**
   * What kind of body it is: parliament (a whole legislature), chamber (one house), committee, government (a cabinet or ministry), executive-office (a head of state's or government's office), political-party, local-council, consultative-body.
   */
  classification:
    | "parliament"
    | "chamber"
    | "committee"
    | "government"
    | "executive-office"
    | "political-party"
    | "local-council"
    | "consultative-body";
  parent?: Id2;
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
