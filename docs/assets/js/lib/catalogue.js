/* The site's data channel: the published catalogue (api/v1/situaties.json, built by ks/build/api.py)
   and the page's own data block (<script type="application/json" data-ks-data="name">, written by
   the ks_data() macro). Components read their data here and nowhere else. */
const ROOT = new URL("../../../", import.meta.url);
let loading = null;

/** Absolute URL of a site-relative path (e.g. an entry's url or pdf). */
export const siteUrl = (path) => new URL(path, ROOT).href;

/** The whole catalogue, fetched once per page from the same site. */
export function catalogue() {
  loading ??= fetch(siteUrl("api/v1/situaties.json"), { credentials: "same-origin" }).then((r) => {
    if (!r.ok) throw new Error(`api/v1/situaties.json: ${r.status}`);
    return r.json();
  });
  return loading;
}

/** The page's data block `name`, parsed, or null when the page has none. */
export function pageData(name) {
  const block = document.querySelector(`script[type="application/json"][data-ks-data="${name}"]`);
  return block ? JSON.parse(block.textContent) : null;
}

/** Term of the vocabulary by kind and key. */
export function term(catalogue, kind, key) {
  return catalogue.vocabulary[kind].find((t) => t.key === key);
}
