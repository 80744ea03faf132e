import { cpSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { editSource, makeProject, ROOT, runParlexInProcess, scratchDir } from "./helpers.js";

const WORKFLOW = path.join(ROOT, ".github/workflows/validate.yml");
const scratch = scratchDir("workflow");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Step = { name?: string; run?: string; uses?: string };
const workflow = parse(readFileSync(WORKFLOW, "utf8")) as { on: Record<string, unknown>; env: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** Split a shell command line into words, expanding `$VAR` and `"$VAR"` from `vars` (enough for this workflow). */
function words(line: string, vars: Record<string, string>): string[] {
  const expanded = line.replace(/\$([A-Z_a-z]+)/g, (_, name: string) => vars[name] ?? `$${name}`);
  return [...expanded.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** Every `npx parlex …` line of the workflow's run scripts, without a trailing redirection. */
function parlexCommands(): { step: string; line: string }[] {
  return steps.flatMap((s) =>
    (s.run ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("npx parlex "))
      .map((l) => ({ step: s.name ?? "", line: l.replace(/\s*>>\s*"\$GITHUB_STEP_SUMMARY"$/, "").slice("npx parlex ".length) })),
  );
}

describe(".github/workflows/validate.yml (for contributors' pull requests)", () => {
  it("runs on pull requests, installs with npm ci, and validates, builds, diffs and verifies", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(steps.map((s) => s.run).filter(Boolean)[0]).toBe("npm ci");
    expect(parlexCommands().map((c) => c.line.split(" ")[0])).toEqual(["validate", "validate", "build", "diff", "verify"]);
    expect(steps.find((s) => s.run?.includes("parlex diff"))!.run).toContain('--format markdown >> "$GITHUB_STEP_SUMMARY"');
    expect(steps.find((s) => s.run?.includes("--archive"))!.run).toContain('if [ -d "$ARCHIVE_DIR" ]');
    // Runs cold: a cache in the pull request's clone is never read (issue 17).
    expect(parlexCommands().filter((c) => /^(validate|build) /.test(c.line) && !c.line.includes("--no-cache"))).toEqual([]);
  });

  it("every parlex command it calls succeeds in a project with a release and a pending change", async () => {
    const project = makeProject(scratch, "project");
    cpSync(path.join(ROOT, "tests/fixtures/build/small/archive"), path.join(project, workflow.env.ARCHIVE_DIR!), { recursive: true });
    expect((await runParlexInProcess(["release", "--date", "2026-11-22"], project)).code).toBe(0);
    editSource(project, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("summary: A meeting during the visit.", "summary: A meeting held during the visit."));
    const vars = { ...workflow.env, RUNNER_TEMP: path.join(scratch, "runner-temp"), release: "dist-data/1.0.0/" };
    const outputs: Record<string, string> = {};
    for (const { step, line } of parlexCommands()) {
      const result = await runParlexInProcess(words(line, vars), project);
      expect({ step, line, code: result.code, stderr: result.stderr }).toEqual({ step, line, code: 0, stderr: "" });
      outputs[line.split(" ")[0]!] = result.stdout;
    }
    expect(outputs.diff).toContain("## Data changes against 1.0.0");
    expect(outputs.diff).toContain("Needs a **patch** release (1.0.0 → 1.0.1)");
    expect(readFileSync(path.join(vars.RUNNER_TEMP, "package/datapackage.json"), "utf8")).toContain('"resources"');
  });
});
