/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates nearest to `word`, best first, ties in alphabetical order; only plausible ones. */
export function closestWords(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { candidate: string; distance: number }[] = [];
  const threshold = Math.max(2, Math.ceil(word.length / 2));
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    const sharesPart = candidate.includes(word) || word.includes(candidate);
    if (distance <= threshold || sharesPart) scored.push({ candidate, distance: sharesPart ? Math.min(distance, threshold) : distance });
  }
  scored.sort((x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** A suggestion sentence naming the closest candidates, or a fallback. */
export function didYouMean(word: string, candidates: Iterable<string>, fallback: string): string {
  const near = closestWords(word, candidates);
  if (near.length === 0) return fallback;
  return `Did you mean ${near.map((c) => "`" + c + "`").join(" or ")}?`;
}

/** Turn any text into an id-shaped slug. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
