import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { UsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parse a command's arguments with node:util and check their values with zod;
 * any mistake becomes a UsageError naming the command.
 */
export function parseOptions<T extends z.ZodType>(command: string, argv: string[], options: Options, schema: T): z.infer<T> & { help: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    // An option whose value starts with a dash (`--threads -1`): node's words are about a missing value.
    const dashed = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
    if (dashed) throw new UsageError(`${dashed[1]}: its value is missing, or starts with a dash (write ${dashed[1]}=VALUE to give one that does)`, command);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, "."), command);
  }
  if (parsed.values.help) return { help: true } as z.infer<T> & { help: boolean };
  const result = schema.safeParse({ ...parsed.values, paths: parsed.positionals });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.length ? String(issue.path[0]) : "";
    const name = field === "paths" ? "PATH" : field ? `--${field}` : "arguments";
    const message =
      issue.code === "invalid_type" && issue.expected === "number"
        ? "must be a number"
        : issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1
          ? "must not be empty"
          : issue.message;
    throw new UsageError(`${name}: ${message}`, command);
  }
  return { ...(result.data as object), help: false } as z.infer<T> & { help: boolean };
}
