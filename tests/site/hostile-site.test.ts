// Text from the sources is hostile until escaped: a package built from the hostile-text fixture
// (markup, a script element, a javascript: URL, a formula; quotes, line breaks, emoji) must show
// as text on the site — in the HTML written and in a browser, where no script of the data runs.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text } from "../../src/site/html.js";
import { renderMarkdown } from "../../src/site/markdown.js";
import { serveFolder } from "./serve.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = path.join(import.meta.dirname, "fixtures/hostile/sources");
const CHROMIUM = "/usr/bin/chromium";
const IN_CI = process.env.CI === "true" || process.env.PARLEX_REQUIRE_CONSUMERS === "1";
const scratch = mkdtempSync(path.join(tmpdir(), "parlex-hostile-site-"));
const site = path.join(scratch, "site");
const parlex = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/parlex.js"), ...args], { cwd: ROOT, encoding: "utf8" });
let meeting: { title: string; summary: string };

beforeAll(() => {
  // A release of the hostile sources, as a maintainer cuts it (the site serves only sealed releases).
  const project = path.join(scratch, "project");
  cpSync(SOURCES, path.join(project, "sources"), { recursive: true });
  const released = spawnSync(process.execPath, [path.join(ROOT, "bin/parlex.js"), "release", "--date", "2026-01-01", "--no-cache"], { cwd: project, encoding: "utf8" });
  expect({ code: released.status, stderr: released.stderr }).toEqual({ code: 0, stderr: "" });
  const made = parlex(["site", "--releases", path.join(project, "dist-data"), "--out", site, "--quiet"]);
  expect({ code: made.status, stderr: made.stderr }).toEqual({ code: 0, stderr: "" });
  meeting = (JSON.parse(readFileSync(path.join(project, "dist-data/1.0.0/json/meetings.json"), "utf8")) as { title: string; summary: string }[])[0]!;
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("hostile text on the site", () => {
  it("the fixture really carries markup, a javascript: URL and a formula", () => {
    expect(meeting.title).toContain('<script>alert("title")</script>');
    expect(meeting.summary).toContain("javascript:alert(1)");
    expect(meeting.summary).toContain("<img src=x onerror=alert(2)>");
    expect(meeting.summary).toContain('=HYPERLINK("https://example.org","click")');
  });

  it("every page holds the text escaped, no script but the site's own and no javascript: link", () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith(".html")) pages.push(path.join(dir, e.name));
      }
    };
    walk(site);
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = readFileSync(file, "utf8");
      expect(html, file).not.toContain("<script>alert");
      expect(html, file).not.toContain("<img src=x");
      expect(html, file).not.toMatch(/href="\s*javascript:/i);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(["<script>", '<script src="../assets/meetings.js" defer>'], file).toContain(tag);
    }
    const page = readFileSync(path.join(site, "meeting/astana-talks.html"), "utf8");
    expect(page).toContain("Talks &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(page).toContain("=HYPERLINK(&quot;https://example.org&quot;,&quot;click&quot;)");
  });

  it("direction controls are shown as their code points, and the changelog's Markdown lets no HTML through", () => {
    expect(text("a\u202Eb\u2066c")).toBe('a<span class="ctl" title="a direction control character">[U+202E]</span>b<span class="ctl" title="a direction control character">[U+2066]</span>c');
    const html = renderMarkdown('## 1.0.0 <script>x</script>\n\n- `<b>` **bold** [x](javascript:alert(1)) [y](https://example.org/?a=1&b="2")\n  - nested');
    expect(html).toBe(
      '<h3>1.0.0 &lt;script&gt;x&lt;/script&gt;</h3>\n<ul><li>\n<code>&lt;b&gt;</code> <strong>bold</strong> [x](javascript:alert(1)) <a href="https://example.org/?a=1&amp;b=&amp;quot;2&amp;quot;">y</a>\n<ul><li>\nnested\n</li></ul>\n</li></ul>',
    );
  });

  it.runIf(existsSync(CHROMIUM) || IN_CI)("in a browser, the meeting's title reads as its text and nothing of the data runs", async () => {
    const server = await serveFolder(site);
    const browser = await chromium.launchPersistentContext(path.join(scratch, "profile"), { executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${server.url}meeting/astana-talks.html`);
      await expect(page.locator("h1").textContent()).resolves.toBe(meeting.title);
      await expect(page.locator("p.pre").first().textContent()).resolves.toBe(meeting.summary);
      expect(await page.locator("main img, main b, main script").count()).toBe(0);
      await page.goto(`${server.url}meetings/index.html?q=script`);
      await expect(page.locator("#results li a").textContent()).resolves.toBe(meeting.title);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
