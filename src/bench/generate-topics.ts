import type { TopicSpec } from "./corpus-model.js";
import type { YamlMap } from "./render-yaml.js";
import { IdPool, slugify } from "./slugs.js";
import { TOPIC_FACETS, TOPIC_QUALIFIERS, TOPIC_ROOTS } from "./vocabulary-text.js";

/** A topic as generated: what meetings need, and the record to write. */
export interface GeneratedTopic {
  spec: TopicSpec;
  record: YamlMap;
}

/**
 * `count` topics as a tree, breadth first so that parents come before children: subject areas,
 * then their aspects (`Energy: financing`), then narrower qualifiers, as deep as the count needs.
 */
export function generateTopics(count: number): GeneratedTopic[] {
  const ids = new IdPool();
  const out: GeneratedTopic[] = [];
  const add = (label: string, phrase: string, description: string, parent?: TopicSpec, aliases?: string[]) => {
    const spec: TopicSpec = { id: ids.take(slugify(label, 90)), label, phrase, ...(parent ? { parent: parent.id } : {}) };
    out.push({ spec, record: { id: spec.id, label: { quoted: label }, description: { quoted: description }, parent: parent?.id, aliases: aliases?.map((a) => ({ quoted: a })) } });
  };
  for (const [label, phrase, description] of TOPIC_ROOTS) {
    if (out.length >= count) return out;
    add(label, phrase, description, undefined, [`${phrase.replace(/^the /, "")} cooperation`]);
  }
  const roots = out.slice();
  for (const [facet, facetPhrase] of TOPIC_FACETS) {
    for (const root of roots) {
      if (out.length >= count) return out;
      add(`${root.spec.label}: ${facet}`, `${facetPhrase} in ${root.spec.phrase}`, `Questions of ${facetPhrase} in ${root.spec.phrase}.`, root.spec);
    }
  }
  for (let level = out.length - roots.length, start = roots.length; out.length < count; ) {
    const parents = out.slice(start, start + level);
    start += level;
    level = 0;
    for (const qualifier of TOPIC_QUALIFIERS) {
      for (const parent of parents) {
        if (out.length >= count) return out;
        const label = `${parent.spec.label} (${qualifier})`;
        add(label, `${parent.spec.phrase} at ${qualifier}`, `Questions of ${parent.spec.phrase}, at ${qualifier}.`, parent.spec);
        level++;
      }
    }
  }
  return out;
}
