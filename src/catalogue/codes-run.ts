import type { CodeSpec } from "./code-spec.js";

/**
 * Codes of a run rather than of a record: a folder a command refuses to write into, another run
 * holding the lock, and errors of the environment (permissions, a read-only or full disk). They
 * concern no line of a source file; the CLI prints them as one line naming the path.
 */
export const RUN_CODES = {
  "output/is-file": {
    severity: "error",
    title: "Output is a file",
    message: "{folder} is a file, not a folder: parlex replaces an output folder whole.",
    hint: "Give a folder that does not exist yet, such as dist-data/next.",
  },
  "output/is-link": {
    severity: "error",
    title: "Output is a symbolic link",
    message: "{folder} is a symbolic link: parlex replaces an output folder whole, and would replace the link.",
    hint: "Give the folder the link points to, or a folder that does not exist yet.",
  },
  "output/holds-working-folder": {
    severity: "error",
    title: "Output holds the current folder",
    message: "{folder} is or contains the current folder ({cwd}): parlex replaces an output folder whole.",
    hint: "Give a new folder inside the current one, such as dist-data/next.",
  },
  "output/sources": {
    severity: "error",
    title: "Output is, holds or is inside the sources",
    message: "{folder} {relation} the sources folder {sources}: parlex replaces an output folder whole.",
    hint: "Give a folder outside the sources, such as dist-data/next.",
  },
  "output/repository": {
    severity: "error",
    title: "Output holds a repository",
    message: "{folder} {relation} a git repository ({git}): parlex replaces an output folder whole.",
    hint: "Give a new folder, such as dist-data/next.",
  },
  "output/releases": {
    severity: "error",
    title: "Output is or holds published releases",
    message: "{folder} {relation}: published releases are never replaced.",
    hint: "Build into a folder of its own, such as dist-data/next; publish with `parlex release`.",
  },
  "output/cache": {
    severity: "error",
    title: "Output is the cache",
    message: "{folder} is or is inside the cache folder {cache}.",
    hint: "Give a folder outside .parlex-cache, such as dist-data/next.",
  },
  "output/not-parlex": {
    severity: "error",
    title: "Output folder is not parlex's",
    message: "{folder} is not empty and has no {marker}, so parlex did not write it: parlex replaces an output folder whole.",
    hint: "Give a new or empty folder; or, if this is an old build's output, delete it yourself first.",
  },
  "output/foreign-entries": {
    severity: "error",
    title: "Output folder holds what parlex did not write",
    message: "{folder} carries {marker} but holds {entry}{more}, which parlex does not write there: the folder would be replaced whole.",
    hint: "Move those files out, or give a new or empty folder.",
  },
  "run/locked": {
    severity: "error",
    title: "Another run holds the lock",
    message: "{folder} is being written by another parlex run (process {pid}, started {started}); waited {seconds} s.",
    hint: "Wait for that run to finish and run the command again; if no parlex is running, delete {lock}.",
  },
  "env/permission": {
    severity: "error",
    title: "Permission denied",
    message: "cannot {action} {path}: permission denied ({errno}).",
    hint: "Give the user running parlex the right to write there, or choose another folder.",
  },
  "env/read-only": {
    severity: "error",
    title: "Read-only file system",
    message: "cannot {action} {path}: the file system is read-only (EROFS).",
    hint: "Write to a folder on a writable file system.",
  },
  "env/no-space": {
    severity: "error",
    title: "Disk full",
    message: "cannot {action} {path}: no space left on the device ({errno}).",
    hint: "Free some space (a build needs about twice its output's size while it swaps folders) and run again.",
  },
  "env/too-many-files": {
    severity: "error",
    title: "Too many open files",
    message: "cannot {action} {path}: too many open files ({errno}).",
    hint: "Raise the open-file limit (ulimit -n) or close other programs, and run again.",
  },
  "env/busy": {
    severity: "error",
    title: "Resource busy",
    message: "cannot {action} {path}: the resource is busy ({errno}).",
    hint: "Close what holds it (a mount point, a program with it open) and run again.",
  },
  "env/io": {
    severity: "error",
    title: "Input/output error",
    message: "cannot {action} {path}: the device reported an error ({errno}).",
    hint: "Check the disk or the network share, and run again.",
  },
} as const satisfies Record<string, CodeSpec>;
