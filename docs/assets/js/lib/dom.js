/* Small DOM helpers. Every value is set as text or as an attribute, never parsed as HTML. */

/** An element with attributes and (optional) text content. */
export function el(tag, attrs = {}, text = "") {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  if (text) e.textContent = text;
  return e;
}

/** Fill a <select> with options (or {group, items} for an <optgroup>), keeping the value if it still exists. */
export function fill(select, items, empty) {
  const keep = select.value;
  const option = (t) => el("option", { value: t.key }, t.label);
  select.replaceChildren(el("option", { value: "" }, empty), ...items.map((t) => {
    if (!t.group) return option(t);
    const g = el("optgroup", { label: t.group });
    g.append(...t.items.map(option));
    return g;
  }));
  select.value = [...select.options].some((o) => o.value === keep) ? keep : "";
}

/** Capitalise the first letter. */
export const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Say `text` through a polite live region (cleared first, so a repeat is announced too). */
export function announce(region, text) {
  region.textContent = "";
  setTimeout(() => { region.textContent = text; }, 50);
}
