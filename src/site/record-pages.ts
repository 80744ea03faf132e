import type { JsonRow } from "../verify/json-rows.js";
import { dateInWords, timelineSvg, type DateFacts } from "./dates.js";
import { attr, href, idLink, outsideLink, page, recordPath, table, text, type PageRelease } from "./html.js";
import { cell, type SiteModel } from "./site-model.js";

/** Lists on a record's page stop here (the rest is reached through the meetings' search). */
export const LIST_LIMIT = 300;

/** What every record page needs besides its row. */
export interface PageContext {
  model: SiteModel;
  release: PageRelease;
  siteTitle: string;
}

const D = 1; // record pages live one folder below the root

function name(ctx: PageContext, kind: "person" | "body" | "topic", id: string): string {
  const row = kind === "person" ? ctx.model.people.get(id) : kind === "body" ? ctx.model.bodies.get(id) : ctx.model.topics.get(id);
  const label = row ? cell(kind === "topic" ? row.label : row.name) : "";
  return `${idLink(D, kind, id, label || id)} <small>(<code>${text(id)}</code>)</small>`;
}

function idHeading(kind: string, id: string): string {
  return `<p class="id">${text(kind)} ID <code>${text(id)}</code></p>`;
}

/** A list of meetings (by ID) as a timeline and a table, at most LIST_LIMIT of them, with the search link for the rest. */
function meetingList(ctx: PageContext, ids: readonly string[], what: string, filter: string): string {
  const rows = ids.map((id) => ctx.model.meetingById.get(id)).filter((r): r is JsonRow => r !== undefined);
  rows.sort((a, b) => (cell(a.date_start) < cell(b.date_start) ? -1 : 1));
  const shown = rows.slice(0, LIST_LIMIT);
  const more = rows.length > shown.length ? `<p>${shown.length} of ${rows.length} meetings are listed here; <a href="${attr(href(D, `meetings/index.html?${filter}`))}">search them all</a>.</p>` : "";
  const timeline = timelineSvg(
    shown.map((r) => ({ ...(r as unknown as DateFacts), label: cell(r.title), href: href(D, recordPath("meeting", cell(r.meeting_id))) })),
    `Dates of ${what}.`,
  );
  return `<h2>Meetings (${rows.length})</h2>\n${timeline}\n${table(`Meetings: ${what}`, ["date", "meeting", "ID"], shown.map((r) => [text(cell(r.date)), idLink(D, "meeting", cell(r.meeting_id), cell(r.title)), idLink(D, "meeting", cell(r.meeting_id))]))}\n${more}`;
}

/** A meeting's page: its date in words and drawn, participants, quotes, documents, topics. */
export function meetingPage(ctx: PageContext, m: JsonRow): string {
  const id = cell(m.meeting_id);
  const { model } = ctx;
  const participants = model.participantsOf.get(id) ?? [];
  const quotes = model.quotesOf.get(id) ?? [];
  const documents = model.documentsOf.get(id) ?? [];
  const topics = model.topicsOf.get(id) ?? [];
  const visit = m.visit_id ? model.visits.get(cell(m.visit_id)) : undefined;
  const dateFacts = m as unknown as DateFacts;
  const facts = [
    ["When", `${text(dateInWords(dateFacts))} <small>(as given: <code>${text(cell(m.date))}</code>, precision: ${text(cell(m.date_precision))})</small>`],
    ["Format", text(cell(m.format))],
    ["Where", [cell(m.city), cell(m.country)].filter(Boolean).map(text).join(", ") || "not given"],
    ...(visit ? [["Visit", `${text(cell(visit.title))} <small>(<code>${text(cell(visit.visit_id))}</code>)</small>`]] : []),
    ...(m.note !== null && m.note !== undefined ? [["Note", text(cell(m.note))]] : []),
  ];
  const body = `<article>
<h1>${text(cell(m.title))}</h1>
${idHeading("Meeting", id)}
<dl class="facts">
${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("\n")}
</dl>
${timelineSvg([{ ...dateFacts, label: cell(m.title), href: "#main" }], "The meeting's date, drawn as precisely as the sources give it.")}
<h2>Summary</h2>
<p class="pre">${text(cell(m.summary))}</p>
<h2>Participants (${participants.length})</h2>
${table("Who took part, for which body, in what role and on which side", ["person", "body", "role", "side"], participants.map((p) => [name(ctx, "person", cell(p.person_id)), name(ctx, "body", cell(p.body_id)), text(cell(p.role)), text(cell(p.side))]))}
<h2>Quotes (${quotes.length})</h2>
${quotes.map((q) => `<figure class="quote" id="${attr(cell(q.quote_id))}"><blockquote${q.language ? ` lang="${attr(cell(q.language))}"` : ""}><p class="pre">${text(cell(q.text))}</p></blockquote><figcaption>${name(ctx, "person", cell(q.person_id))}, ${text(cell(q.kind))}${q.document_id ? `, reported by <a href="#doc-${attr(cell(q.document_id))}"><code>${text(cell(q.document_id))}</code></a>` : ""} · quote ID <code>${text(cell(q.quote_id))}</code></figcaption></figure>`).join("\n") || "<p>None recorded.</p>"}
<h2>Reported by (${documents.length})</h2>
<ul>
${documents.map((d) => documentItem(model.documents.get(d), d)).join("\n")}
</ul>
<h2>Topics (${topics.length})</h2>
<ul>
${topics.map((t) => `<li>${name(ctx, "topic", t)}</li>`).join("\n")}
</ul>
</article>`;
  return page({ title: cell(m.title), siteTitle: ctx.siteTitle, depth: D, release: ctx.release, body });
}

function documentItem(d: JsonRow | undefined, id: string): string {
  if (!d) return `<li id="doc-${attr(id)}"><code>${text(id)}</code></li>`;
  const meta = [cell(d.publisher), cell(d.published)].filter(Boolean).map(text).join(", ");
  return `<li id="doc-${attr(id)}">${d.url ? outsideLink(cell(d.url), cell(d.title)) : text(cell(d.title))}${meta ? ` — ${meta}` : ""} <small>(<code>${text(id)}</code>)</small></li>`;
}

/** A person's page: every name with its language and script, positions held, meetings. */
export function personPage(ctx: PageContext, p: JsonRow): string {
  const id = cell(p.person_id);
  const names = ctx.model.personNames.get(id) ?? [];
  const positions = ctx.model.positionsOf.get(id) ?? [];
  const body = `<article>
<h1>${text(cell(p.name))}</h1>
${idHeading("Person", id)}
<dl class="facts"><dt>Country</dt><dd>${text(cell(p.country))}</dd></dl>
<h2>Names (${names.length})</h2>
${table("Every name the sources give, with its language and script", ["name", "language and script", "kind", "reported by", "note"], names.map((n) => [`<span${n.lang ? ` lang="${attr(cell(n.lang))}"` : ""}>${text(cell(n.name))}</span>`, `<code>${text(cell(n.lang))}</code>`, text(cell(n.kind)) + (n.editorial ? " (editorial)" : ""), n.document_id ? `<code>${text(cell(n.document_id))}</code>` : "", text(cell(n.note))]))}
<h2>Positions (${positions.length})</h2>
${table("Positions held, as the meetings show them", ["body", "role", "first seen", "last seen", "meetings"], positions.map((x) => [name(ctx, "body", cell(x.body_id)), text(cell(x.role)), text(cell(x.first_seen)), text(cell(x.last_seen)), text(cell(x.meeting_count))]))}
${meetingList(ctx, ctx.model.meetingsOfPerson.get(id) ?? [], `the meetings ${cell(p.name)} took part in`, `person=${encodeURIComponent(id)}`)}
</article>`;
  return page({ title: cell(p.name), siteTitle: ctx.siteTitle, depth: D, release: ctx.release, body });
}

/** A body's page: its names, parent, the positions held in it, its meetings. */
export function bodyPage(ctx: PageContext, b: JsonRow): string {
  const id = cell(b.body_id);
  const names = ctx.model.bodyNames.get(id) ?? [];
  const positions = (ctx.model.positionsInBody.get(id) ?? []).slice(0, LIST_LIMIT);
  const body = `<article>
<h1>${text(cell(b.name))}</h1>
${idHeading("Body", id)}
<dl class="facts"><dt>Abbreviation</dt><dd>${text(cell(b.abbreviation)) || "none"}</dd><dt>Country</dt><dd>${text(cell(b.country))}</dd><dt>Classification</dt><dd>${text(cell(b.classification))}</dd>${b.parent_body_id ? `<dt>Part of</dt><dd>${name(ctx, "body", cell(b.parent_body_id))}</dd>` : ""}</dl>
<h2>Names (${names.length})</h2>
${table("Every name the sources give, with its language and script", ["name", "language and script", "kind", "note"], names.map((n) => [`<span${n.lang ? ` lang="${attr(cell(n.lang))}"` : ""}>${text(cell(n.name))}</span>`, `<code>${text(cell(n.lang))}</code>`, text(cell(n.kind)), text(cell(n.note))]))}
<h2>Positions in it</h2>
${table("People seen holding a position in this body", ["person", "role", "first seen", "last seen"], positions.map((x) => [name(ctx, "person", cell(x.person_id)), text(cell(x.role)), text(cell(x.first_seen)), text(cell(x.last_seen))]))}
${meetingList(ctx, ctx.model.meetingsOfBody.get(id) ?? [], `meetings ${cell(b.name)} took part in`, `body=${encodeURIComponent(id)}`)}
</article>`;
  return page({ title: cell(b.name), siteTitle: ctx.siteTitle, depth: D, release: ctx.release, body });
}

/** A topic's page: its description, aliases, parent, meetings. */
export function topicPage(ctx: PageContext, t: JsonRow): string {
  const id = cell(t.topic_id);
  const body = `<article>
<h1>${text(cell(t.label))}</h1>
${idHeading("Topic", id)}
<p class="pre">${text(cell(t.description))}</p>
<dl class="facts"><dt>Aliases</dt><dd>${text(cell(t.aliases)) || "none"}</dd>${t.parent_topic_id ? `<dt>Part of</dt><dd>${name(ctx, "topic", cell(t.parent_topic_id))}</dd>` : ""}</dl>
${meetingList(ctx, ctx.model.meetingsOfTopic.get(id) ?? [], `meetings on ${cell(t.label)}`, `topic=${encodeURIComponent(id)}`)}
</article>`;
  return page({ title: cell(t.label), siteTitle: ctx.siteTitle, depth: D, release: ctx.release, body });
}
