/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface CommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether to colour human output. */
  color: boolean;
  /** Whether stderr is a terminal (for progress display). */
  interactive: boolean;
}
