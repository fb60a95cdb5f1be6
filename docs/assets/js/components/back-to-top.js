/* Material's "Terug naar boven" button: out of the tab order while it is hidden, and after a click the
   focus goes to the page title, so the next Tab continues at the top of the content. */
export function mount(button) {
  const sync = () => {
    if (button.hidden) button.setAttribute("tabindex", "-1");
    else button.removeAttribute("tabindex");
  };
  new MutationObserver(sync).observe(button, { attributes: true, attributeFilter: ["hidden"] });
  sync();
  button.addEventListener("click", () => {
    const title = document.querySelector("article")?.querySelector("h1");
    if (!title) return;
    if (!title.hasAttribute("tabindex")) title.setAttribute("tabindex", "-1");
    title.focus({ preventScroll: true });
  });
}
