// The publishing workflows: release.yml (on a release tag, verify the committed release and
// attach its archive and SHA256SUMS to a GitHub Release) and site.yml (build the site and deploy
// it to GitHub Pages). Checked here by a small linter of our own — structure, expressions, step
// references, every run script through `bash -n` — and by running the parlex commands they call.
// (Debian has no actionlint package; a real actionlint run is left to the lead, see issue 19.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "../..");
type Step = { id?: string; name?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { "runs-on"?: string; needs?: string | string[]; steps?: Step[]; environment?: unknown };
type Workflow = { name: string; on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };

const read = (file: string) => ({ text: readFileSync(path.join(ROOT, ".github/workflows", file), "utf8"), workflow: parse(readFileSync(path.join(ROOT, ".github/workflows", file), "utf8")) as Workflow });
const CONTEXTS = /^(github|runner|steps|env|secrets|needs|vars|inputs|job)\b/;

/** What the linter finds wrong with a workflow (empty when nothing). */
function lint(text: string, w: Workflow): string[] {
  const problems: string[] = [];
  if (!w.name) problems.push("no name");
  if (!w.on || !Object.keys(w.on).length) problems.push("no trigger");
  if (!w.permissions) problems.push("no permissions block (the token would get the repository's defaults)");
  for (const [jobName, job] of Object.entries(w.jobs ?? {})) {
    if (!job["runs-on"]) problems.push(`${jobName}: no runs-on`);
    for (const need of [job.needs ?? []].flat()) if (!w.jobs[need]) problems.push(`${jobName}: needs unknown job ${need}`);
    const ids = new Set((job.steps ?? []).map((s) => s.id).filter(Boolean));
    for (const [i, step] of (job.steps ?? []).entries()) {
      const where = `${jobName} step ${i + 1}`;
      if (!!step.run === !!step.uses) problems.push(`${where}: needs exactly one of run and uses`);
      if (step.uses && !/^[\w.-]+\/[\w./-]+@v\d+$/.test(step.uses)) problems.push(`${where}: ${step.uses} is not owner/name@vN`);
      if (step.run) {
        const script = step.run.replace(/\$\{\{[^}]*\}\}/g, "x");
        const check = spawnSync("bash", ["-n"], { input: script, encoding: "utf8" });
        if (check.status !== 0) problems.push(`${where}: bash -n: ${check.stderr.trim()}`);
        if (/\$\{\{/.test(step.run)) problems.push(`${where}: an expression inside run (pass it through env instead)`);
      }
    }
    for (const m of JSON.stringify(job).matchAll(/steps\.([\w-]+)\./g)) if (!ids.has(m[1]!)) problems.push(`${jobName}: refers to unknown step ${m[1]}`);
  }
  for (const m of text.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) if (!CONTEXTS.test(m[1]!)) problems.push(`unknown context in \${{ ${m[1]} }}`);
  return problems;
}

const scratch = mkdtempSync(path.join(tmpdir(), "parlex-workflows-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the publishing workflows", () => {
  it("the linter finds a broken workflow's faults (so its silence means something)", () => {
    const bad = "name: x\non: push\njobs:\n  a:\n    needs: b\n    steps:\n      - uses: actions/checkout\n      - run: echo ${{ github.ref }}; if then\n";
    const found = lint(bad, parse(bad) as Workflow);
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining("no permissions"), expect.stringContaining("no runs-on"), expect.stringContaining("needs unknown job b"), expect.stringContaining("not owner/name@vN"), expect.stringContaining("bash -n"), expect.stringContaining("expression inside run")]));
  });

  it.each(["release.yml", "site.yml", "validate.yml"])("%s passes the linter", (file) => {
    const { text, workflow } = read(file);
    expect(lint(text, workflow)).toEqual([]);
  });

  it("release.yml runs on a version tag, verifies dist-data/<version> and attaches its archive and SHA256SUMS", () => {
    const { workflow } = read("release.yml");
    const tags = (workflow.on.push as { tags: string[] }).tags;
    const version = readdirSync(path.join(ROOT, "dist-data")).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort((a, b) => a.localeCompare(b, "en", { numeric: true })).at(-1)!;
    // GitHub's filter patterns: '+' repeats the class before it, as in a regular expression; the rest is literal.
    expect(tags.some((t) => new RegExp(`^${t.replace(/\./g, "\\.")}$`).test(`v${version}`))).toBe(true);
    expect(workflow.permissions.contents).toBe("write");
    const runs = workflow.jobs.release!.steps!.map((s) => s.run ?? "").join("\n");
    expect(runs).toContain('npx parlex verify "dist-data/$version"');
    expect(runs).toContain('"dist-data/$VERSION/"*.tar.gz "dist-data/$VERSION/SHA256SUMS"');
    const verify = spawnSync(process.execPath, [path.join(ROOT, "bin/parlex.js"), "verify", `dist-data/${version}`], { cwd: ROOT, encoding: "utf8" });
    expect(verify.status).toBe(0);
  });

  it("site.yml builds the site with parlex site and deploys that folder to Pages", () => {
    const { workflow } = read("site.yml");
    expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
    const build = workflow.jobs.build!.steps!;
    const run = build.find((s) => s.run?.includes("parlex site"))!.run!;
    expect(run).toBe('npx parlex site --out "$RUNNER_TEMP/site"');
    expect(build.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))!.with!.path).toBe("${{ runner.temp }}/site");
    expect(workflow.jobs.deploy!.steps!.map((s) => s.uses)).toEqual(["actions/deploy-pages@v4"]);
    const site = spawnSync(process.execPath, [path.join(ROOT, "bin/parlex.js"), "site", "--out", path.join(scratch, "site"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect({ code: site.status, stderr: site.stderr }).toEqual({ code: 0, stderr: "" });
  });
});
