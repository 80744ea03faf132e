// The floor: read every source file and parse it with the yaml library, in one process, nothing
// else. `parlex validate` and `build` do this and much more; on two cores they should still beat it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";

const root = process.argv[2];
if (!root) {
  process.stderr.write("usage: floor.ts SOURCES_DIR\n");
  process.exit(2);
}
let files = 0;
let bytes = 0;
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".yaml")) continue;
  const text = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
  YAML.parse(text);
  files++;
  bytes += Buffer.byteLength(text);
}
process.stdout.write(JSON.stringify({ files, bytes }) + "\n");
