import { parentPort } from "node:worker_threads";
import { runCli } from "../cli/main.js";
import type { CliRequest, CliResult } from "./watched-cli.js";

// A worker thread that runs CLI commands in-process, one at a time, for the fuzzer: the main
// thread can stop it when a command hangs, which it could not do to itself.
parentPort!.on("message", async (request: CliRequest) => {
  let stdout = "";
  let stderr = "";
  try {
    const code = await runCli(request.argv, { cwd: request.cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false, interactive: false });
    parentPort!.postMessage({ id: request.id, kind: "exited", code, stdout, stderr } satisfies CliResult);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, kind: "threw", message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CliResult);
  }
});
