/* File-name ids from titles: the same rule as ks/tools/new_situation.py (a parity test runs both). */

/** Lower-case ASCII letters, digits and single hyphens, at most `max` characters, cut at a hyphen. */
export function slugify(title, max = 60) {
  let s = String(title).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (s.length > max) s = s.slice(0, max).includes("-") ? s.slice(0, max).replace(/-[^-]*$/, "") : s.slice(0, max);
  return s || "situatie";
}

/** `slug`, or `slug-2`, `slug-3`, … when that id is already taken. */
export function uniqueId(slug, taken, max = 60) {
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = slug.slice(0, max - String(n).length - 1).replace(/-+$/, "") + "-" + n;
  return id;
}
