/**
 * Files changed while a run read them, so that what it reports and what it would write are of
 * different bytes: the run stops, writes nothing, and says to run it again (exit code 1).
 */
export class SourcesChangedError extends Error {
  constructor() {
    super("source files changed while they were being read; nothing was written: run the command again");
    this.name = "SourcesChangedError";
  }
}
