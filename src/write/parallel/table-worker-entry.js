// Worker threads start here: register tsx so the TypeScript worker runs without a build step.
import { register } from "tsx/esm/api";

register();
await import("./table-worker.ts");
