import { parentPort, workerData } from "node:worker_threads";
import { sourceFromFolder } from "./file-source.js";
import { runVerifyTask, type VerifyTask } from "./verify-tables.js";

// A worker thread of `parlex verify`: runs one task against the release folder.
const { folder, label, task } = workerData as { folder: string; label: string; task: VerifyTask };
parentPort!.postMessage(await runVerifyTask(task, sourceFromFolder(label, folder)));
