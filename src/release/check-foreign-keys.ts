import type { ForeignValues, KeyIndex } from "./check-table.js";
import type { ProblemSink } from "./verify-problem.js";

/** Resolve every foreign key's values against the keys of the rows they point at (self-references too). */
export function checkForeignKeys(foreign: readonly ForeignValues[], indexes: readonly KeyIndex[], sink: ProblemSink): void {
  const byTarget = new Map(indexes.map((ix) => [indexName(ix.resource, ix.fields), ix.keys]));
  for (const fk of foreign) {
    const keys = byTarget.get(indexName(fk.target.resource, fk.target.fields));
    const target = `${fk.target.resource}(${fk.target.fields.join(", ")})`;
    if (!keys) {
      sink.add({ code: "descriptor/foreign-key", file: fk.file, message: `foreign key (${fk.fields.join(", ")}) points at ${target}, which is not a table of this package` });
      continue;
    }
    for (const { key, row } of fk.values) {
      if (!keys.has(key)) sink.add({ code: "data/foreign-key", file: fk.file, row, message: `(${fk.fields.join(", ")}) = ${key} is not a row of ${target}` });
    }
  }
}

/** How a key index is named: the resource and the fields it holds. */
export function indexName(resource: string, fields: readonly string[]): string {
  return `${resource}\u0000${fields.join("\u0000")}`;
}
