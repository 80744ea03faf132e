import type { JsonRow } from "../verify/json-rows.js";
import { timelineSvg, type DateFacts } from "./dates.js";
import { attr, href, idLink, page, recordPath, table, text } from "./html.js";
import type { PageContext } from "./record-pages.js";
import { cell } from "./site-model.js";

/** Rows on one page of a list. */
export const PAGE_ROWS = 100;
/** A search shard is cut before it grows past this many bytes. */
export const SHARD_BYTES = 800_000;

const D = 1; // list pages live one folder below the root

/** A list's page file name: index.html, then page-2.html, … */
function pageFile(n: number): string {
  return n === 1 ? "index.html" : `page-${n}.html`;
}

function pager(count: number, current: number, label: string): string {
  if (count <= 1) return "";
  const shown = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= count));
  const links = [...shown].sort((a, b) => a - b).map((n) => (n === current ? `<li><span aria-current="page">${n}</span></li>` : `<li><a href="${pageFile(n)}">${n}</a></li>`));
  return `<nav class="pager" aria-label="${attr(label)}"><ul>${links.join("")}</ul></nav>`;
}

/** The meetings' pages: a search and filter form (run by assets/meetings.js), and every meeting in date order, a timeline per page. */
export function meetingListPages(ctx: PageContext): Map<string, string> {
  const { meetings } = ctx.model;
  const pages = new Map<string, string>();
  const count = Math.max(1, Math.ceil(meetings.length / PAGE_ROWS));
  const yearStarts = new Map<string, number>();
  meetings.forEach((m, i) => {
    const y = cell(m.date_start).slice(0, 4);
    if (!yearStarts.has(y)) yearStarts.set(y, Math.floor(i / PAGE_ROWS) + 1);
  });
  const years = `<nav aria-label="Meetings by year"><p>By year: ${[...yearStarts].map(([y, n]) => `<a href="${pageFile(n)}#y${y}">${y}</a>`).join(" · ")}</p></nav>`;
  for (let n = 1; n <= count; n++) {
    const rows = meetings.slice((n - 1) * PAGE_ROWS, n * PAGE_ROWS);
    const seen = new Set<string>();
    const tableRows = rows.map((m) => {
      const y = cell(m.date_start).slice(0, 4);
      const anchor = seen.has(y) ? "" : ` id="y${y}"`;
      seen.add(y);
      return [`<span${anchor}>${text(cell(m.date))}</span>`, idLink(D, "meeting", cell(m.meeting_id), cell(m.title)), text(cell(m.format)), idLink(D, "meeting", cell(m.meeting_id))];
    });
    const first = n === 1 ? searchForm() : "";
    const body = `<h1>Meetings</h1>
<p>${meetings.length} meetings, earliest first. Page ${n} of ${count}.</p>
${first}
<section aria-labelledby="all-heading"><h2 id="all-heading">All meetings${count > 1 ? `, page ${n}` : ""}</h2>
${years}
${timelineSvg(rows.map((m) => ({ ...(m as unknown as DateFacts), label: cell(m.title), href: href(D, recordPath("meeting", cell(m.meeting_id))) })), `Dates of the meetings on this page.`)}
${table(`Meetings, page ${n} of ${count}`, ["date", "meeting", "format", "ID"], tableRows)}
${pager(count, n, "Pages of meetings")}
</section>`;
    pages.set(`meetings/${pageFile(n)}`, page({ title: n === 1 ? "Meetings" : `Meetings, page ${n}`, siteTitle: ctx.siteTitle, depth: D, release: ctx.release, body, script: n === 1 }));
  }
  return pages;
}

function searchForm(): string {
  return `<section aria-labelledby="search-heading" class="search">
<h2 id="search-heading">Search and filter</h2>
<form id="search" role="search" action="index.html" method="get">
<p><label for="q">Words in the title, summary or quotes</label> <input id="q" name="q" type="search"></p>
<p class="filters">
<label for="year">Year</label> <select id="year" name="year"><option value="">any</option></select>
<label for="format">Format</label> <select id="format" name="format"><option value="">any</option></select>
<label for="side">Side</label> <select id="side" name="side"><option value="">any</option></select>
<label for="body">Body</label> <select id="body" name="body"><option value="">any</option></select>
<label for="topic">Topic</label> <select id="topic" name="topic"><option value="">any</option></select>
<input type="hidden" id="person" name="person">
</p>
<p><button type="submit">Search</button></p>
</form>
<div id="results" aria-live="polite"><noscript><p>Search and filters need JavaScript; the list below works without it.</p></noscript></div>
</section>`;
}

/** A simple list of records (people, bodies, topics), in pages of PAGE_ROWS. */
export function recordListPages(ctx: PageContext, folder: string, title: string, rows: JsonRow[], columns: [string, (r: JsonRow) => string][]): Map<string, string> {
  const pages = new Map<string, string>();
  const count = Math.max(1, Math.ceil(rows.length / (PAGE_ROWS * 5)));
  for (let n = 1; n <= count; n++) {
    const slice = rows.slice((n - 1) * PAGE_ROWS * 5, n * PAGE_ROWS * 5);
    const body = `<h1>${text(title)}</h1>\n<p>${rows.length} in all${count > 1 ? `; page ${n} of ${count}` : ""}.</p>\n${table(title, columns.map((c) => c[0]), slice.map((r) => columns.map((c) => c[1](r))))}\n${pager(count, n, `Pages of ${title.toLowerCase()}`)}`;
    pages.set(`${folder}/${pageFile(n)}`, page({ title, siteTitle: ctx.siteTitle, depth: D, release: ctx.release, body }));
  }
  return pages;
}

/** One meeting as the search script reads it. */
type SearchEntry = [id: string, title: string, date: string, fromYear: number, toYear: number | null, format: string, sides: string, bodies: string, topics: string, person: string, text: string];

/** The search shards (data/meetings-N.json, each under SHARD_BYTES) and the facets the form offers (data/facets.json). */
export function searchData(ctx: PageContext): Map<string, string> {
  const { model } = ctx;
  const out = new Map<string, string>();
  const shards: string[] = [];
  let current: string[] = [];
  let bytes = 2;
  const flush = () => {
    if (!current.length) return;
    const name = `data/meetings-${shards.length + 1}.json`;
    out.set(name, `[\n${current.join(",\n")}\n]\n`);
    shards.push(name.slice("data/".length));
    current = [];
    bytes = 2;
  };
  const formats = new Set<string>();
  const sides = new Set<string>();
  const years = new Set<number>();
  for (const m of model.meetings) {
    const id = cell(m.meeting_id);
    const parts = model.participantsOf.get(id) ?? [];
    const from = Number(cell(m.date_start).slice(0, 4));
    const to = m.date_end ? Number(cell(m.date_end).slice(0, 4)) : null;
    for (let y = from; y <= (to ?? from); y++) years.add(y);
    formats.add(cell(m.format));
    for (const p of parts) sides.add(cell(p.side));
    const words = [cell(m.title), cell(m.summary), ...(model.quotesOf.get(id) ?? []).map((q) => cell(q.text))].join("\n");
    const entry: SearchEntry = [id, cell(m.title), cell(m.date), from, to, cell(m.format), [...new Set(parts.map((p) => cell(p.side)))].join(" "), [...new Set(parts.map((p) => cell(p.body_id)))].join(" "), (model.topicsOf.get(id) ?? []).join(" "), [...new Set(parts.map((p) => cell(p.person_id)))].join(" "), words];
    const json = JSON.stringify(entry);
    if (bytes + Buffer.byteLength(json) > SHARD_BYTES) flush();
    current.push(json);
    bytes += Buffer.byteLength(json) + 2;
  }
  flush();
  const facets = {
    shards,
    years: [...years].sort((a, b) => a - b),
    formats: [...formats].filter(Boolean).sort(),
    sides: [...sides].filter(Boolean).sort(),
    bodies: [...model.bodies.values()].map((b) => [cell(b.body_id), cell(b.name)]),
    topics: [...model.topics.values()].map((t) => [cell(t.topic_id), cell(t.label)]),
  };
  out.set("data/facets.json", JSON.stringify(facets) + "\n");
  return out;
}
