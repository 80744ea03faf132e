/** A lowercase id slug of any Latin text: `Xi'an City` → `xi-an-city`. */
export function slugify(text: string, maxLength = 100): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "") || "x";
}

/** Hands out ids that are unique within one kind: the base itself, else base-2, base-3, … */
export class IdPool {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  /** A fresh id built from a base slug. */
  take(base: string): string {
    let id = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(id)) id = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(id);
    return id;
  }
}
