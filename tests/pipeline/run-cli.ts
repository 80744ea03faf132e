import { runCli } from "../../src/cli/main.js";

/** Run the CLI in-process, as a user would call it from `cwd`, capturing its output. */
export async function runParlex(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false, interactive: false });
  return { code, stdout, stderr };
}
