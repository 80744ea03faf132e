// The fuzzer's worker thread starts here: the compiled CLI worker in lib/, or the TypeScript one through tsx.
import { importModule } from "../import-module.js";

await importModule("./cli-worker", import.meta.url);
