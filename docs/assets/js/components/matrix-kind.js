/* The tension matrix counts all entries, only situations or only beelden (?tel=situatie|beeld). */
const KINDS = ["all", "situatie", "beeld"];

export function mount(form) {
  const table = form.nextElementSibling.querySelector("table.ks-matrix");
  const wanted = new URLSearchParams(window.location.search).get("tel");
  if (KINDS.includes(wanted)) form.elements.tel.value = wanted;
  function apply() {
    const kind = form.elements.tel.value;
    table.dataset.ksKind = kind;
    const url = new URL(window.location.href);
    if (kind === "all") url.searchParams.delete("tel"); else url.searchParams.set("tel", kind);
    history.replaceState(history.state, "", url);
  }
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
}
