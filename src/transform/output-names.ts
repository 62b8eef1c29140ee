/**
 * Names of output files made from document content (titles, dates, names, ids). Whatever a TEI file
 * holds, such a name is a slug: lower-case ASCII letters, digits and single hyphens, never empty, never a
 * separator, `..` or markup, so no output path can leave the output directory. Names that come out
 * alike are numbered (`-2`, `-3`) in the order given, which callers keep stable (date order, id order).
 */

/** Longest slug, in characters: file systems allow 255 bytes, readers' URLs want far fewer. */
const MAX_SLUG = 80;

/**
 * `J. V. Stalin` → `j-v-stalin`; `Léger` → `leger`; `evil"><img src=x>` → `evil-img-src-x`. Letters of
 * other scripts are dropped with everything else that is not ASCII, so the result can be empty (then
 * `fallback`).
 */
export function slugify(text: string, fallback = 'x'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug || fallback;
  // cut at a word boundary when there is one in the second half
  const cut = slug.slice(0, MAX_SLUG + 1);
  const at = cut.lastIndexOf('-');
  return (at > MAX_SLUG / 2 ? cut.slice(0, at) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

/** Hands out unique names: the first `key` keeps its slug, the next ones get `-2`, `-3`. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** A slug of `wanted` not handed out before. */
  take(wanted: string, fallback = 'x'): string {
    const base = slugify(wanted, fallback);
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}-${i}`;
    this.taken.add(name);
    return name;
  }
}
