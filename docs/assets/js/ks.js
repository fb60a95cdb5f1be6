/* The one dispatcher of the site's browser components.
   Every element that declares data-ks-component="<name>" is handed, once, to the mount() of
   components/<name>.js, on every page Material shows (its document$ also fires after instant
   navigation). A page without such elements loads no component code at all. Markup that comes from
   Markdown and cannot carry the attribute is matched by a selector in AUTO. */
const BASE = new URL("./", import.meta.url);
const AUTO = { ".task-list": "task-list", ".md-top": "back-to-top" };
const started = new WeakMap();

function targets(root) {
  const found = [...root.querySelectorAll("[data-ks-component]")]
    .flatMap((el) => el.dataset.ksComponent.split(/\s+/).filter(Boolean).map((name) => [el, name]));
  for (const [selector, name] of Object.entries(AUTO)) {
    root.querySelectorAll(selector).forEach((el) => found.push([el, name]));
  }
  return found;
}

export async function start(root = document) {
  const jobs = [];
  for (const [el, name] of targets(root)) {
    const names = started.get(el) ?? new Set();
    if (names.has(name) || !/^[a-z][a-z-]*$/.test(name)) continue;
    names.add(name);
    started.set(el, names);
    jobs.push(import(new URL(`components/${name}.js`, BASE).href)
      .then((module) => module.mount(el))
      .catch((error) => console.error(`Onderdeel ${name} werkt niet:`, error)));
  }
  await Promise.all(jobs);
}

if (window.document$?.subscribe) window.document$.subscribe(() => start());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => start());
else start();
