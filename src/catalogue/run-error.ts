import { RUN_CODES } from "./codes-run.js";
import { fillTemplate, type Params } from "./make-diagnostic.js";

/** A code of a run (see codes-run.ts). */
export type RunCode = keyof typeof RUN_CODES;

/**
 * A run stopped for a reason that is not a finding in a record: a folder it must not write into
 * (exit 2, a usage error), another run holding the lock or an error of the environment (exit 1).
 * The CLI prints it as one line with its code and the fix; never as an internal error.
 */
export class RunError extends Error {
  readonly hint: string;

  constructor(
    readonly code: RunCode,
    readonly params: Params,
    readonly exit: 1 | 2,
  ) {
    super(fillTemplate(RUN_CODES[code].message, params));
    this.name = "RunError";
    this.hint = fillTemplate(RUN_CODES[code].hint, params);
  }
}

/** The code of each error of the environment the CLI reports as such (exit 1), by errno name. */
const ENVIRONMENT: Record<string, RunCode> = {
  EACCES: "env/permission",
  EPERM: "env/permission",
  EROFS: "env/read-only",
  ENOSPC: "env/no-space",
  EDQUOT: "env/no-space",
  EMFILE: "env/too-many-files",
  ENFILE: "env/too-many-files",
  EBUSY: "env/busy",
  ETXTBSY: "env/busy",
  EIO: "env/io",
};

/** What a system call was doing, in words, by its name in Node's error. */
const ACTIONS: Record<string, string> = {
  open: "open",
  read: "read",
  write: "write",
  mkdir: "create the folder",
  mkdtemp: "create a folder in",
  rename: "rename",
  unlink: "remove",
  rmdir: "remove",
  rm: "remove",
  scandir: "list the folder",
  opendir: "list the folder",
  copyfile: "copy to",
  link: "link",
  chmod: "change the mode of",
  utime: "set the times of",
  stat: "look at",
  lstat: "look at",
  spawn: "start",
  uv_os_homedir: "find the home folder",
};

/**
 * An error of the environment (permission, read-only or full disk, too many open files, a busy
 * device, an I/O error), as a RunError of exit 1 naming the path; undefined for any other error
 * (a bug of ours stays an internal error).
 */
export function environmentErrorOf(error: unknown): RunError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code: errno, syscall, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const code = errno === undefined ? undefined : ENVIRONMENT[errno];
  if (code === undefined) return undefined;
  const action = (syscall !== undefined ? ACTIONS[syscall] : undefined) ?? (syscall ? `${syscall}` : "write");
  const where = path === undefined ? "a file" : dest === undefined ? path : `${path} to ${dest}`;
  return new RunError(code, { action, path: where, errno: errno! }, 1);
}
