/** A mistake in how the command was called: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;
