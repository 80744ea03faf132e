import { attr, text } from "./html.js";

/** What a row says of its date: as given, its bounds and its precision. */
export interface DateFacts {
  date: string;
  date_start: string;
  date_end: string | null;
  date_precision: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** One ISO date or partial date (YYYY, YYYY-MM, YYYY-MM-DD) in words. */
function partInWords(part: string): string {
  const [y, m, d] = part.split("-");
  if (d) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
  return y!;
}

/** A date exactly as precise as the sources give it, said in words. */
export function dateInWords(f: DateFacts): string {
  const [from, to] = f.date.split("/");
  if (to === undefined) {
    if (f.date_precision === "day") return `on ${partInWords(from!)}`;
    return `some time in ${partInWords(from!)} (the sources give no day)`;
  }
  if (to === "..") return `from ${partInWords(from!)}, with no end the sources give`;
  return `between ${partInWords(from!)} and ${partInWords(to)}`;
}

const DAY = 86_400_000;
/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

/** A row of a timeline: a label, a link and a date. */
export interface TimelineRow extends DateFacts {
  label: string;
  href: string;
}

/**
 * An SVG timeline, one lane per row, each date drawn at its true precision: a day a tick, a month
 * or a year a bar across it, a range a bar between its bounds, an open range a bar running off
 * the axis' end with an arrow. Years are marked along the top.
 */
export function timelineSvg(rows: readonly TimelineRow[], caption: string): string {
  if (!rows.length) return "";
  const lane = 14;
  const left = 8;
  const width = 640;
  const top = 22;
  const starts = rows.map((r) => dayNumber(r.date_start));
  const ends = rows.map((r) => (r.date_end ? dayNumber(r.date_end) : null));
  const known = [...starts, ...ends.filter((e): e is number => e !== null)];
  const minYear = new Date(Math.min(...known) * DAY).getUTCFullYear();
  const maxYear = new Date(Math.max(...known) * DAY).getUTCFullYear() + 1;
  const axisStart = dayNumber(`${minYear}-01-01`);
  const axisEnd = dayNumber(`${maxYear}-01-01`);
  const x = (day: number) => left + ((day - axisStart) / (axisEnd - axisStart)) * (width - 2 * left);
  const height = top + rows.length * lane + 6;
  const parts: string[] = [];
  for (let y = minYear; y <= maxYear; y++) {
    const at = x(dayNumber(`${y}-01-01`)).toFixed(1);
    parts.push(`<line class="grid" x1="${at}" y1="14" x2="${at}" y2="${height}"/>`);
    if (y < maxYear) parts.push(`<text class="year" x="${(Number(at) + 3).toFixed(1)}" y="12">${y}</text>`);
  }
  rows.forEach((r, i) => {
    const cy = top + i * lane + lane / 2;
    const start = starts[i]!;
    const end = ends[i];
    const label = `${r.label}: ${dateInWords(r)}`;
    let mark: string;
    if (r.date_precision === "day") {
      const at = x(start + 0.5).toFixed(1);
      mark = `<line class="day" x1="${at}" y1="${cy - 5}" x2="${at}" y2="${cy + 5}"/>`;
    } else if (end === null || end === undefined) {
      const from = x(start);
      const to = width - left;
      mark = `<rect class="open" x="${from.toFixed(1)}" y="${cy - 3}" width="${Math.max(2, to - from).toFixed(1)}" height="6"/><path class="open-end" d="M${to.toFixed(1)} ${cy - 5}l6 5-6 5z"/>`;
    } else {
      const from = x(start);
      const to = x(end + 1);
      mark = `<rect class="${attr(r.date_precision)}" x="${from.toFixed(1)}" y="${cy - 3}" width="${Math.max(2, to - from).toFixed(1)}" height="6"/>`;
    }
    parts.push(`<a href="${attr(r.href)}"><title>${text(label)}</title>${mark}</a>`);
  });
  return `<figure class="timeline">
<svg viewBox="0 0 ${width + 8} ${height}" width="100%" role="img" aria-label="${attr(caption)}" xmlns="http://www.w3.org/2000/svg">
${parts.join("\n")}
</svg>
<figcaption>${text(caption)} A tick is a meeting dated to the day; a bar spans the month, year or range the sources date it to; an arrow, a range with no end given.</figcaption>
</figure>`;
}
