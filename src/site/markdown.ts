import { attr, text } from "./html.js";

/**
 * The subset of Markdown CHANGELOG.md uses, rendered safely: ATX headings, paragraphs, nested
 * bullet lists, `code`, **bold** and *emphasis*, [links](https://…). Every character of the input
 * is escaped first; no HTML in the input is ever passed through. Heading levels are shifted by
 * `shift` so the page keeps one h1.
 */
export function renderMarkdown(source: string, shift = 1): string {
  const out: string[] = [];
  const lists: number[] = []; // the indent of each open list
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
  };
  const closeLists = (indent: number) => {
    while (lists.length && lists.at(-1)! >= indent) {
      lists.pop();
      out.push("</li></ul>");
    }
  };
  for (const line of source.replace(/\r\n?/g, "\n").split("\n")) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      closeLists(0);
      const level = Math.min(6, heading[1]!.length + shift);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (item) {
      flush();
      const indent = item[1]!.length;
      if (lists.length && lists.at(-1)! === indent) out.push("</li><li>");
      else if (lists.length && lists.at(-1)! > indent) {
        closeLists(indent + 1);
        if (lists.length) out.push("</li><li>");
        else (lists.push(indent), out.push("<ul><li>"));
      } else {
        lists.push(indent);
        out.push("<ul><li>");
      }
      out.push(inline(item[2]!));
    } else if (!line.trim()) {
      flush();
    } else {
      if (lists.length && /^\s+/.test(line)) out.push(" " + inline(line.trim()));
      else {
        closeLists(0);
        paragraph.push(line.trim());
      }
    }
  }
  flush();
  closeLists(0);
  return out.join("\n");
}

/** Inline markup on one line: code spans first (their content is literal), then bold, emphasis and links. */
function inline(line: string): string {
  return line
    .split(/(`[^`]*`)/)
    .map((part, i) => {
      if (i % 2 === 1) return `<code>${text(part.slice(1, -1))}</code>`;
      return text(part)
        .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
        .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
        .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, (_, label: string, url: string) => `<a href="${attr(url.replace(/&amp;/g, "&"))}">${label}</a>`);
    })
    .join("");
}
