/* The conversation pack on a situation page: choose 30, 60 or 90 minutes, in person or online, an
   optional start time (a clock-time column) and an optional notes page. The choice is in the URL
   (?duur=30&vorm=online&start=09:30&aantekeningen=ja), so "Bereid dit gesprek voor" can link to it,
   and printing from the browser carries it onto the handout. Without JavaScript the handout shows the
   90-minute running order, like the pre-built PDF. */

/** "HH:MM" `minutes` after the start time "HH:MM" (wrapping past midnight). */
export function clock(start, minutes) {
  const [h, m] = start.split(":").map(Number);
  const t = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
}

const VALID_START = /^([01]\d|2[0-3]):[0-5]\d$/;

export function mount(form) {
  const section = form.closest(".ks-handout");
  const packs = [...section.querySelectorAll("[data-ks-pack]")];
  const { duur, vorm, start, aantekeningen } = form.elements;
  const params = new URLSearchParams(window.location.search);
  const pick = (select, value) => {
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  };
  pick(duur, params.get("duur") ?? "");
  pick(vorm, params.get("vorm") ?? "");
  if (VALID_START.test(params.get("start") ?? "")) start.value = params.get("start");
  aantekeningen.checked = params.get("aantekeningen") === "ja";

  function apply() {
    const key = `${duur.value}-${vorm.value}`;
    const time = VALID_START.test(start.value) ? start.value : "";
    for (const pack of packs) {
      pack.hidden = pack.dataset.ksPack !== key;
      pack.querySelector(".ks-pack__start").textContent = time ? `, begint om ${time}` : "";
      pack.querySelectorAll(".ks-clock").forEach((cell) => {
        cell.textContent = time ? clock(time, Number(cell.dataset.ksOffset)) : "";
      });
    }
    section.classList.toggle("ks-handout--clock", !!time);
    section.classList.toggle("ks-handout--notes", aantekeningen.checked);
    const url = new URL(window.location.href);
    url.searchParams.set("duur", duur.value);
    url.searchParams.set("vorm", vorm.value);
    if (time) url.searchParams.set("start", time); else url.searchParams.delete("start");
    if (aantekeningen.checked) url.searchParams.set("aantekeningen", "ja"); else url.searchParams.delete("aantekeningen");
    history.replaceState(history.state, "", url);
  }
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  if ([...params.keys()].some((k) => ["duur", "vorm", "start", "aantekeningen"].includes(k))) apply();
}
