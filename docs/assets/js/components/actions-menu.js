/* The compact actions control of a situation page: a disclosure on a narrow screen, always open (a
   plain row of buttons, no toggle) on a wide one. Without JavaScript it is a working disclosure. */
const WIDE = "(min-width:60em)";

/** Keep the disclosure open on wide screens; on a phone it starts closed. */
export function mount(details) {
  const media = window.matchMedia(WIDE);
  const sync = () => {
    details.classList.toggle("ks-actions-menu--wide", media.matches);
    details.open = media.matches;
  };
  sync();
  media.addEventListener("change", sync);
}
