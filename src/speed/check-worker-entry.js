// Worker threads start here: the compiled worker in lib/, or the TypeScript one through tsx.
import { importModule } from "../import-module.js";

await importModule("./check-worker", import.meta.url);
