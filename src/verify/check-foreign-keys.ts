import { foreignKeyProblem, indexName, type ForeignValues, type KeyIndex } from "./check-table.js";
import type { ProblemSink } from "./verify-problem.js";

/** Resolve the foreign-key values left after reading every table (self-references, cycles). */
export function checkForeignKeys(deferred: readonly ForeignValues[], indexes: readonly KeyIndex[], sink: ProblemSink): void {
  const byTarget = new Map(indexes.map((ix) => [indexName(ix.resource, ix.fields), ix.keys]));
  for (const fk of deferred) {
    const keys = byTarget.get(indexName(fk.target.resource, fk.target.fields));
    if (!keys) {
      sink.add({ code: "descriptor/foreign-key", file: fk.file, message: `foreign key (${fk.fields.join(", ")}) points at ${fk.target.resource}(${fk.target.fields.join(", ")}), which is not a table of this package` });
      continue;
    }
    for (let i = 0; i < fk.keys.length; i++) {
      if (!keys.has(fk.keys[i]!)) sink.add(foreignKeyProblem(fk, fk.keys[i]!, fk.rows[i]!));
    }
  }
}
