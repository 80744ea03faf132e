import type { Change, PackageDiff } from "./change.js";
import { levelRank, type Level } from "./semver.js";

/** The smallest bump a diff needs, and the first change that needs it (null when nothing changed). */
export interface RequiredBump {
  level: Level | null;
  because: Change | null;
}

/** The smallest semver bump that covers every change of a diff (Data Package version rules). */
export function requiredBump(diff: PackageDiff): RequiredBump {
  let because: Change | null = null;
  for (const change of diff.changes) {
    if (!because || levelRank(change.level) > levelRank(because.level)) because = change;
  }
  return { level: because?.level ?? null, because };
}
