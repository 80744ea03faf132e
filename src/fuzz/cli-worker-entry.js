// The fuzzer's worker thread starts here: register tsx so the TypeScript CLI runs without a build step.
import { register } from "tsx/esm/api";

register();
await import("./cli-worker.ts");
