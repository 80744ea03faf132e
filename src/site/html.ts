/**
 * HTML from text that is hostile until escaped: every value from a package goes through `text`
 * (or `attr`), which escapes markup characters and shows invisible direction controls as marks.
 */

/** Characters that change the direction of the text around them, shown as their code point. */
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Escape text for an element's content: `<`, `&`, `>` and quotes, direction controls made visible. */
export function text(value: unknown): string {
  return escape(String(value ?? "")).replace(DIRECTION_CONTROLS, (c) => `<span class="ctl" title="a direction control character">[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}]</span>`);
}

/** Escape text for an attribute's value (always written in double quotes). */
export function attr(value: unknown): string {
  return escape(String(value ?? "")).replace(DIRECTION_CONTROLS, "");
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A link to an outside address: only http(s) addresses become links; anything else stays text. */
export function outsideLink(url: string | null | undefined, label?: string): string {
  if (!url) return "";
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return text(url);
  return `<a href="${attr(url)}" rel="noopener noreferrer">${text(label ?? url)}</a>`;
}

/** The path of a record's page: stable, by kind and ID. */
export function recordPath(kind: "meeting" | "person" | "body" | "topic", id: string): string {
  return `${kind}/${encodeURIComponent(id)}.html`;
}

/** A link from a page at `depth` folders below the site's root to a path from the root. */
export function href(depth: number, rootPath: string): string {
  return "../".repeat(depth) + rootPath;
}

/** A record's ID as a link to its page, in code type. */
export function idLink(depth: number, kind: "meeting" | "person" | "body" | "topic", id: string, label?: string): string {
  return `<a href="${attr(href(depth, recordPath(kind, id)))}">${label === undefined ? `<code>${text(id)}</code>` : text(label)}</a>`;
}

/** What every page shows of the release it is made from. */
export interface PageRelease {
  version: string;
  date: string;
}

/** A whole page: header with the site's navigation, one main landmark, a footer naming the release. */
export function page(options: { title: string; siteTitle: string; depth: number; release: PageRelease; body: string; script?: boolean; description?: string }): string {
  const { depth, release } = options;
  const up = (p: string) => attr(href(depth, p));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(options.title)} · ${text(options.siteTitle)}</title>
${options.description ? `<meta name="description" content="${attr(options.description)}">\n` : ""}<link rel="stylesheet" href="${up("assets/site.css")}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<p class="site"><a href="${up("index.html")}">${text(options.siteTitle)}</a></p>
<nav aria-label="Site">
<ul>
<li><a href="${up("meetings/index.html")}">Meetings</a></li>
<li><a href="${up("people/index.html")}">People</a></li>
<li><a href="${up("bodies/index.html")}">Bodies</a></li>
<li><a href="${up("topics/index.html")}">Topics</a></li>
<li><a href="${up("releases/index.html")}">Releases</a></li>
</ul>
</nav>
</header>
<main id="main">
${options.body}
</main>
<footer>
<p>This page shows release <a href="${up(`releases/${encodeURIComponent(release.version)}.html`)}">${text(release.version)}</a> of ${release.date ? `${text(release.date)}` : "an undated release"}. <a href="${up("releases.json")}">releases.json</a> lists every release.</p>
</footer>
${options.script ? `<script src="${up("assets/meetings.js")}" defer></script>\n` : ""}</body>
</html>
`;
}

/** A table of rows, with a caption; cells are already HTML. */
export function table(caption: string, headers: string[], rows: string[][]): string {
  if (!rows.length) return "";
  const head = headers.map((h) => `<th scope="col">${text(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<div class="scroll"><table>\n<caption>${text(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/** Human-readable bytes. */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
