import type { DatasetIdentity } from "../dataset/identity.js";
import { cell, siteModel } from "./site-model.js";
import { MEETINGS_JS, SITE_CSS } from "./assets.js";
import { idLink, text, type PageRelease } from "./html.js";
import { meetingListPages, recordListPages, searchData } from "./list-pages.js";
import { readReleases, readTables, SiteInputError, type SiteRelease } from "./read-releases.js";
import { bodyPage, meetingPage, personPage, topicPage, type PageContext } from "./record-pages.js";
import { landingPage, releasePage, releasesIndexPage, releasesJson } from "./release-pages.js";
import path from "node:path";

/** A file of the site: text it is made of, or an existing file copied byte for byte. */
export type SiteFile = string | { copy: string };

/** What was built: the releases shown and the number of pages. */
export interface Site {
  latest: SiteRelease;
  releases: SiteRelease[];
  pages: number;
}

/** Takes each file of the site as it is made (so no more than a few pages are held at once). */
export type SiteSink = (relative: string, content: SiteFile) => Promise<void>;

/** The releases in dist-data/, the latest last; an error when there is none. */
export async function siteReleases(distData: string): Promise<{ releases: SiteRelease[]; latest: SiteRelease }> {
  const releases = await readReleases(distData);
  const latest = releases.at(-1);
  if (!latest) throw new SiteInputError(`${distData}: no release folder (dist-data/<version>/ with a datapackage.json)`);
  return { releases, latest };
}

/** Make the site of the releases, file by file, into `emit`: pages, data, assets and every release's files; the pages come from the latest release. */
export async function buildSite(releases: SiteRelease[], latest: SiteRelease, identity: DatasetIdentity, emit: SiteSink): Promise<Site> {
  for (const r of releases) for (const f of r.files) await emit(`${r.version}/${f.path}`, { copy: path.join(r.folder, f.path) });
  for (const f of latest.files) await emit(`latest/${f.path}`, { copy: path.join(latest.folder, f.path) });

  const model = siteModel(await readTables(latest));
  const release: PageRelease = { version: latest.version, date: latest.date };
  const ctx: PageContext = { model, release, siteTitle: identity.title };
  let pages = 0;
  const add = async (p: string, content: string) => {
    await emit(p, content);
    if (p.endsWith(".html")) pages++;
  };
  await add("index.html", landingPage(identity, latest, model, releases));
  await add("releases/index.html", releasesIndexPage(identity, releases, release));
  for (const r of releases) await add(`releases/${encodeURIComponent(r.version)}.html`, releasePage(identity, r, release));
  await add("releases.json", releasesJson(identity, releases));
  for (const [p, html] of meetingListPages(ctx)) await add(p, html);
  for (const [p, json] of searchData(ctx)) await add(p, json);
  for (const [p, html] of recordListPages(ctx, "people", "People", [...model.people.values()], [
    ["name", (r) => idLink(1, "person", cell(r.person_id), cell(r.name))],
    ["country", (r) => text(cell(r.country))],
    ["meetings", (r) => String(model.meetingsOfPerson.get(cell(r.person_id))?.length ?? 0)],
    ["ID", (r) => idLink(1, "person", cell(r.person_id))],
  ]))
    await add(p, html);
  for (const [p, html] of recordListPages(ctx, "bodies", "Bodies", [...model.bodies.values()], [
    ["name", (r) => idLink(1, "body", cell(r.body_id), cell(r.name))],
    ["country", (r) => text(cell(r.country))],
    ["classification", (r) => text(cell(r.classification))],
    ["ID", (r) => idLink(1, "body", cell(r.body_id))],
  ]))
    await add(p, html);
  for (const [p, html] of recordListPages(ctx, "topics", "Topics", [...model.topics.values()], [
    ["topic", (r) => idLink(1, "topic", cell(r.topic_id), cell(r.label))],
    ["meetings", (r) => String(model.meetingsOfTopic.get(cell(r.topic_id))?.length ?? 0)],
    ["ID", (r) => idLink(1, "topic", cell(r.topic_id))],
  ]))
    await add(p, html);
  for (const m of model.meetings) await add(`meeting/${encodeURIComponent(cell(m.meeting_id))}.html`, meetingPage(ctx, m));
  for (const p of model.people.values()) await add(`person/${encodeURIComponent(cell(p.person_id))}.html`, personPage(ctx, p));
  for (const b of model.bodies.values()) await add(`body/${encodeURIComponent(cell(b.body_id))}.html`, bodyPage(ctx, b));
  for (const t of model.topics.values()) await add(`topic/${encodeURIComponent(cell(t.topic_id))}.html`, topicPage(ctx, t));
  await add("assets/site.css", SITE_CSS);
  await add("assets/meetings.js", MEETINGS_JS);
  // GitHub Pages would otherwise run the files through Jekyll, which hides folders and files it dislikes.
  await add(".nojekyll", "");
  return { latest, releases, pages };
}
