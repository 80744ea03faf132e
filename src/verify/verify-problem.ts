/** One thing wrong with a release: a stable code, the file (relative to the release), what is wrong. */
export interface VerifyProblem {
  code: string;
  file: string;
  message: string;
  /** The data row, where there is one: CSV rows count the header as row 1; JSON rows count from 1. */
  row?: number;
}

/**
 * Collects problems, keeping at most `perKind` of each (file, code) so that a file broken on
 * every row reports a sample and a count instead of a million lines.
 */
export class ProblemSink {
  readonly problems: VerifyProblem[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly perKind = 20) {}

  add(problem: VerifyProblem): void {
    const kind = `${problem.file}\0${problem.code}`;
    const n = (this.seen.get(kind) ?? 0) + 1;
    this.seen.set(kind, n);
    if (n <= this.perKind) this.problems.push(problem);
  }

  /** What this sink holds, to carry to another thread's sink. */
  export(): SinkContents {
    return { problems: this.problems, seen: [...this.seen] };
  }

  /** Take in what another sink collected (about other files: the counts per file and code add up). */
  merge(other: SinkContents): void {
    for (const [kind, n] of other.seen) {
      const before = this.seen.get(kind) ?? 0;
      this.seen.set(kind, before + n);
    }
    const kept = new Map<string, number>();
    for (const q of this.problems) kept.set(`${q.file}\0${q.code}`, (kept.get(`${q.file}\0${q.code}`) ?? 0) + 1);
    for (const p of other.problems) {
      const kind = `${p.file}\0${p.code}`;
      const n = kept.get(kind) ?? 0;
      if (n < this.perKind) {
        this.problems.push(p);
        kept.set(kind, n + 1);
      }
    }
  }

  /** Every kept problem, with one line per kind saying how many more there were; ordered by file, then row. */
  finish(): VerifyProblem[] {
    const more: VerifyProblem[] = [];
    for (const [kind, n] of this.seen) {
      if (n <= this.perKind) continue;
      const [file, code] = kind.split("\0") as [string, string];
      more.push({ code, file, message: `… and ${n - this.perKind} more ${code} problems in this file` });
    }
    const all = [...this.problems, ...more];
    const order = new Map(all.map((p, i) => [p, i]));
    return all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.row ?? Infinity) - (b.row ?? Infinity) || order.get(a)! - order.get(b)!));
  }
}

/** A sink's problems and counts, as plain data that can cross to another thread. */
export interface SinkContents {
  problems: VerifyProblem[];
  seen: [string, number][];
}
