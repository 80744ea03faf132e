/** The site's style: system fonts, dark text on white (contrast above 7:1), visible focus. */
export const SITE_CSS = `:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--link:#0b4f9c;--line:#c8c8c8;--bar:#2c6e49;--open:#8a4b00}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid var(--line)}
header .site{font-weight:700;margin:.6rem 0 0}
nav ul{list-style:none;padding:0;margin:.3rem 0 .6rem;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
a{color:var(--link)}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #c25400;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem}
footer{border-top:1px solid var(--line);margin-top:2rem;color:var(--muted);font-size:.9rem}
h1{line-height:1.2;overflow-wrap:anywhere}
.id{color:var(--muted);margin-top:-.5rem}
code{font-family:ui-monospace,SFMono-Regular,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
pre{background:#f4f4f4;padding:.6rem;overflow-x:auto}
.pre{white-space:pre-wrap;overflow-wrap:anywhere}
.ctl{color:#a00000;font-family:monospace}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
blockquote{margin:0;padding-left:1rem;border-left:4px solid var(--line)}
figure{margin:1rem 0}figcaption{color:var(--muted);font-size:.9rem}
.timeline svg{max-width:100%;height:auto}
.timeline .grid{stroke:#ddd}.timeline .year{font-size:10px;fill:var(--muted)}
.timeline .day{stroke:var(--ink);stroke-width:2}
.timeline rect{fill:var(--bar)}.timeline .open{fill:var(--open)}.timeline .open-end{fill:var(--open)}
.filters label{margin-left:.5rem}
input,select,button{font:inherit;padding:.2rem .4rem}
.pager ul{display:flex;gap:.6rem}
`;

/**
 * The meetings' search and filters, run in the browser: reads data/facets.json and the search
 * shards it names, filters by year, format, side, body, topic and person and by every word typed
 * (in titles, summaries and quotes), and lists the matches. Text only ever goes in by
 * textContent; links are built from encoded IDs. No library: some sixty lines do it.
 */
export const MEETINGS_JS = `"use strict";
(function () {
  var form = document.getElementById("search");
  var results = document.getElementById("results");
  if (!form || !results) return;
  var facets = null, entries = null;
  function get(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ": " + r.status); return r.json(); }); }
  function fill(id, values) {
    var select = document.getElementById(id);
    values.forEach(function (v) { var o = document.createElement("option"); o.value = Array.isArray(v) ? v[0] : String(v); o.textContent = Array.isArray(v) ? v[1] + " (" + v[0] + ")" : String(v); select.appendChild(o); });
  }
  function load() {
    if (entries) return Promise.resolve(entries);
    return Promise.all(facets.shards.map(function (s) { return get("../data/" + s); })).then(function (parts) { entries = [].concat.apply([], parts); return entries; });
  }
  function norm(s) { return s.normalize("NFKC").toLowerCase(); }
  function run() {
    var p = new URLSearchParams(new FormData(form));
    var words = norm(p.get("q") || "").split(/\\s+/).filter(Boolean);
    var year = p.get("year"), format = p.get("format"), side = p.get("side"), body = p.get("body"), topic = p.get("topic"), person = p.get("person");
    var has = function (list, v) { return !v || (" " + list + " ").indexOf(" " + v + " ") >= 0; };
    if (!words.length && !year && !format && !side && !body && !topic && !person) { results.textContent = ""; return; }
    results.textContent = "Searching…";
    load().then(function (all) {
      var found = all.filter(function (e) {
        if (year && (Number(year) < e[3] || (e[4] !== null && Number(year) > e[4]) || (e[4] === null && Number(year) < e[3]))) return false;
        if (format && e[5] !== format) return false;
        if (!has(e[6], side) || !has(e[7], body) || !has(e[8], topic) || !has(e[9], person)) return false;
        var t = norm(e[10]);
        return words.every(function (w) { return t.indexOf(w) >= 0; });
      });
      results.textContent = "";
      var h = document.createElement("h3"); h.id = "results-heading";
      h.textContent = found.length + (found.length === 1 ? " meeting matches" : " meetings match") + (found.length > 200 ? "; the first 200:" : "");
      results.appendChild(h);
      var ul = document.createElement("ul"); ul.setAttribute("aria-labelledby", "results-heading");
      found.slice(0, 200).forEach(function (e) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = "../meeting/" + encodeURIComponent(e[0]) + ".html"; a.textContent = e[1];
        li.appendChild(a); li.appendChild(document.createTextNode(" — " + e[2]));
        ul.appendChild(li);
      });
      results.appendChild(ul);
    }, function (err) { results.textContent = "The search data could not be read: " + err.message; });
  }
  get("../data/facets.json").then(function (f) {
    facets = f;
    fill("year", f.years); fill("format", f.formats); fill("side", f.sides); fill("body", f.bodies); fill("topic", f.topics);
    var p = new URLSearchParams(location.search);
    ["q", "year", "format", "side", "body", "topic", "person"].forEach(function (k) { var v = p.get(k); if (v) document.getElementById(k).value = v; });
    run();
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); history.replaceState(null, "", "?" + new URLSearchParams(new FormData(form)).toString().replace(/(^|&)[a-z]+=(?=&|$)/g, "")); run(); });
  form.addEventListener("change", function () { if (facets) run(); });
})();
`;
