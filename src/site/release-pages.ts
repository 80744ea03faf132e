import type { DatasetIdentity } from "../dataset/identity.js";
import { attr, page, size, table, text, type PageRelease } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import type { SiteRelease } from "./read-releases.js";
import { cell, type SiteModel } from "./site-model.js";

/** A URL of the site: absolute when dataset.json gives the site's address; else relative, and made absolute by the page's script-free fallback text. */
function siteUrl(identity: DatasetIdentity, rootPath: string): string {
  return identity.site ? identity.site + rootPath : rootPath;
}

/** The landing page: what the dataset is, its coverage, the latest release, citing, downloads, snippets. */
export function landingPage(identity: DatasetIdentity, latest: SiteRelease, model: SiteModel, releases: readonly SiteRelease[]): string {
  const release: PageRelease = { version: latest.version, date: latest.date };
  const starts = model.meetings.map((m) => cell(m.date_start)).filter(Boolean).sort();
  const ends = model.meetings.map((m) => cell(m.date_end)).filter(Boolean).sort();
  const open = model.meetings.some((m) => !m.date_end);
  const paragraphs = identity.description.split(/\n\s*\n/).map((p) => `<p>${text(p.trim())}</p>`).join("\n");
  const base = identity.site ? "" : `<p>The snippets use this site's own addresses: <span class="base">relative to this page</span>.</p>`;
  const csv = siteUrl(identity, "latest/csv/meetings.csv");
  const dp = siteUrl(identity, "latest/datapackage.json");
  const downloads = latest.files.map((f) => [`<a href="${attr(`latest/${f.path}`)}"><code>${text(f.path)}</code></a>`, text(size(f.bytes)), `<code class="hash">${text(f.sha256)}</code>`]);
  const year = latest.date.slice(0, 4);
  const author = identity.contributors[0]!.title;
  const body = `<h1>${text(identity.title)}</h1>
${paragraphs}
<section aria-labelledby="coverage"><h2 id="coverage">What it covers</h2>
<ul>
<li><a href="meetings/index.html">${model.meetings.length} meetings</a>${starts.length ? `, dated between ${text(starts[0])} and ${open ? "an end the sources leave open" : text(ends.at(-1) ?? starts.at(-1))}` : ""}</li>
<li><a href="people/index.html">${model.people.size} people</a>, <a href="bodies/index.html">${model.bodies.size} bodies</a>, <a href="topics/index.html">${model.topics.size} topics</a></li>
<li>${model.documents.size} source documents, cited by every row</li>
</ul></section>
<section aria-labelledby="latest"><h2 id="latest">Latest release: ${text(latest.version)}</h2>
<p>Released ${text(latest.date || "(no date given)")}. <a href="releases/${attr(encodeURIComponent(latest.version))}.html">What changed</a> · <a href="releases/index.html">all ${releases.length} releases</a> · <a href="releases.json">releases.json</a>. Its files are served unchanged under <a href="latest/"><code>latest/</code></a> and <a href="${attr(latest.version)}/"><code>${text(latest.version)}/</code></a>.</p>
${latest.archive ? `<p><a href="latest/${attr(latest.archive.path)}">Download everything (${text(latest.archive.path)}, ${text(size(latest.archive.bytes))})</a>, sha256 <code class="hash">${text(latest.archive.sha256)}</code></p>` : ""}
</section>
<section aria-labelledby="cite"><h2 id="cite">How to cite</h2>
<p>${text(author)} (${text(year)}). <cite>${text(identity.title)}</cite> (version ${text(latest.version)}) [Data set]. Released ${text(latest.date)}.${identity.site ? ` ${text(identity.site)}` : ""}</p>
<p>The same in Citation File Format: <a href="latest/CITATION.cff"><code>CITATION.cff</code></a>. Licence: <a href="${attr(identity.licence.path)}">${text(identity.licence.title)}</a>.</p>
</section>
<section aria-labelledby="use"><h2 id="use">Use it</h2>
${base}
<h3>pandas</h3>
<pre><code>import pandas as pd
meetings = pd.read_csv("<span class="url">${text(csv)}</span>", keep_default_na=False, na_values=[""])</code></pre>
<h3>R</h3>
<pre><code>meetings &lt;- readr::read_csv("<span class="url">${text(csv)}</span>", na = "")</code></pre>
<h3>DuckDB</h3>
<pre><code>SELECT * FROM read_csv('<span class="url">${text(csv)}</span>');</code></pre>
<h3>frictionless</h3>
<pre><code>frictionless validate <span class="url">${text(dp)}</span></code></pre>
<pre><code>from frictionless import Package
package = Package("<span class="url">${text(dp)}</span>")
meetings = package.get_resource("meetings").read_rows()</code></pre>
</section>
<section aria-labelledby="files"><h2 id="files">Every file of ${text(latest.version)}</h2>
${table(`The files of release ${latest.version}, with sizes and sha256`, ["file", "size", "sha256"], downloads)}
</section>
${identity.site ? "" : `<script>document.querySelectorAll(".url").forEach(function(s){s.textContent=new URL(s.textContent,location.href).href});document.querySelectorAll(".base").forEach(function(s){s.textContent=new URL(".",location.href).href})</script>`}`;
  return page({ title: "Home", siteTitle: identity.title, depth: 0, release, body, description: identity.description.split(/\n\s*\n/)[0] });
}

/** The list of releases, newest first. */
export function releasesIndexPage(identity: DatasetIdentity, releases: readonly SiteRelease[], latest: PageRelease): string {
  const rows = [...releases].reverse().map((r) => [`<a href="${attr(encodeURIComponent(r.version))}.html">${text(r.version)}</a>`, text(r.date), r.archive ? `<a href="../${attr(r.version)}/${attr(r.archive.path)}">${text(r.archive.path)}</a> (${text(size(r.archive.bytes))})` : "none"]);
  const body = `<h1>Releases</h1>\n<p>Every release, newest first; <a href="../releases.json">releases.json</a> holds the same as data.</p>\n${table("Releases", ["version", "released", "archive"], rows)}`;
  return page({ title: "Releases", siteTitle: identity.title, depth: 1, release: latest, body });
}

/** A release's page: its date, downloads and its changelog (rendered safely). */
export function releasePage(identity: DatasetIdentity, r: SiteRelease, latest: PageRelease): string {
  const files = r.files.map((f) => [`<a href="../${attr(r.version)}/${attr(f.path)}"><code>${text(f.path)}</code></a>`, text(size(f.bytes)), `<code class="hash">${text(f.sha256)}</code>`]);
  const body = `<h1>Release ${text(r.version)}</h1>
<p>Released ${text(r.date || "(no date given)")}. Its files, unchanged: <a href="../${attr(r.version)}/"><code>${text(r.version)}/</code></a>.</p>
<section aria-labelledby="changes"><h2 id="changes">What changed</h2>
${renderMarkdown(changelogSection(r.changelog, r.version), 1)}
</section>
<section aria-labelledby="files"><h2 id="files">Files</h2>
${table(`The files of release ${r.version}`, ["file", "size", "sha256"], files)}
</section>`;
  return page({ title: `Release ${r.version}`, siteTitle: identity.title, depth: 1, release: latest, body });
}

/** The CHANGELOG.md section of one version (from its "## <version>" heading to the next), or the whole file when it has none. */
export function changelogSection(changelog: string, version: string): string {
  const sections = changelog.split(/^(?=## )/m);
  return sections.find((s) => s.startsWith(`## ${version} `) || s.startsWith(`## ${version}\n`)) ?? changelog;
}

/** releases.json: every release, oldest first, with its date, archive URL (relative to the site) and sha256. */
export function releasesJson(identity: DatasetIdentity, releases: readonly SiteRelease[]): string {
  const at = (p: string) => (identity.site ? identity.site + p : p);
  return (
    JSON.stringify(
      {
        name: identity.name,
        latest: releases.at(-1)?.version ?? null,
        releases: releases.map((r) => ({
          version: r.version,
          date: r.date || null,
          datapackage: at(`${r.version}/datapackage.json`),
          archive: r.archive ? at(`${r.version}/${r.archive.path}`) : null,
          bytes: r.archive?.bytes ?? null,
          sha256: r.archive?.sha256 ?? null,
        })),
      },
      null,
      2,
    ) + "\n"
  );
}
