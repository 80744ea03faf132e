import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runCli } from "../../src/cli/main.js";
import type { CommandIo } from "../../src/cli/command-io.js";

/** What one run of the CLI did. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real executable, as `npx parlex` runs it. */
export const PARLEX_BIN = fileURLToPath(new URL("../../bin/parlex.js", import.meta.url));

/** Run the CLI in-process from `cwd`, capturing its output; `io` overrides parts of the I/O. */
export async function runParlex(argv: string[], cwd: string, io: Partial<CommandIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    interactive: false,
    ...io,
  });
  return { code, stdout, stderr };
}

/** Run `node bin/parlex.js ARGV` as a child process from `cwd`. */
export function runParlexProcess(argv: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [PARLEX_BIN, ...argv], { cwd, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}
