import { stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { readArchive } from "../../verify/read-archive.js";
import { sourceFromFolder, sourceFromMap } from "../../verify/file-source.js";
import { renderVerifyHuman, renderVerifyJson } from "../../verify/render-verify.js";
import { verifyPackage, type VerifyReport } from "../../verify/verify-package.js";
import type { CommandIo } from "../command-io.js";
import { parseOptions } from "../parse-options.js";
import { EXIT, UsageError } from "../usage-error.js";

export const VERIFY_HELP = `Usage: parlex verify PATH [options]

Check that a release is intact: every file against SHA256SUMS and against the bytes and sha256
the descriptor gives, the manifest, every table against its Table Schema (types, required,
pattern, enum, minimum; unique primary keys) and every foreign key (self-references too).
In a folder, the archive is also checked against the folder's files.

PATH is a release folder (e.g. dist-data/1.0.0) or its .tar.gz archive.

Options:
  --format human|json   how to print the result (default: human); json: the report as data
  -h, --help            show this help

Exit codes: 0 intact, 1 problems found (each named with its file), 2 usage error, 3 internal error.`;

const Options = z.object({
  paths: z.array(z.string()).length(1, "give exactly one PATH: a release folder or its archive"),
  format: z.enum(["human", "json"]).default("human"),
});

/** `parlex verify PATH`: print every problem; exit 0 when intact, 1 when not. */
export async function runVerify(argv: string[], io: CommandIo): Promise<number> {
  const options = parseOptions("verify", argv, { format: { type: "string" } }, Options);
  if (options.help) {
    io.stdout(VERIFY_HELP + "\n");
    return EXIT.ok;
  }
  const given = options.paths[0]!;
  const target = path.resolve(io.cwd, given);
  const kind = await stat(target).then(
    (s) => (s.isDirectory() ? "folder" : "file"),
    () => null,
  );
  if (!kind) throw new UsageError(`${given}: no such folder or file`, "verify");
  let report: VerifyReport;
  if (kind === "folder") report = await verifyPackage(sourceFromFolder(given, target), { fromArchive: false });
  else {
    const archive = await readArchive(target);
    report = await verifyPackage(sourceFromMap(given, archive.files), { fromArchive: true });
    if (archive.problems.length) {
      const problems = [...archive.problems.map((message) => ({ code: "archive/unreadable", file: path.basename(given), message })), ...report.problems];
      report = { ...report, ok: false, problems };
    }
  }
  io.stdout(options.format === "json" ? renderVerifyJson(report) : renderVerifyHuman(report, io.color));
  return report.ok ? EXIT.ok : EXIT.invalid;
}
