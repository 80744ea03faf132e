/* Generated from schemas/ by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * The topic's identifier; equals the file name.
 */
export type Id = string;
/**
 * The broader topic this one narrows.
 */
export type Id1 = string;

/**
 * A subject in the controlled, hierarchical vocabulary that meetings are tagged with. Stored in sources/topics/<id>.yaml.
 */
export interface Topic {
  id: Id;
  /**
   * A short English label.
   */
  label: string;
  /**
   * What the topic covers, in one or two sentences.
   */
  description: string;
  parent?: Id1;
  /**
   * Other words for the topic, to help contributors find it.
   *
   * @maxItems 50
   */
  aliases?: string[];
}
