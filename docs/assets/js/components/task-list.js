/* Checklists: a task-list checkbox has no label of its own, so it is named by its item; the boxes can
   be ticked on screen (Markdown renders them disabled) and are remembered on this device only. */
const PREFIX = "ks-checklist:";

export function mount(list) {
  const page = window.location.pathname;
  const all = [...document.querySelectorAll(".task-list > .task-list-item > input[type=checkbox]")];
  list.querySelectorAll(":scope > .task-list-item > input[type=checkbox]").forEach((box) => {
    if (!box.hasAttribute("aria-label")) {
      box.setAttribute("aria-label", box.parentNode.textContent.replace(/\s+/g, " ").trim());
    }
    const key = `${PREFIX}${page}#${all.indexOf(box)}`;
    box.disabled = false;
    try {
      box.checked = window.localStorage.getItem(key) === "1";
    } catch { /* storage off: the boxes still work for this visit */ }
    box.addEventListener("change", () => {
      try {
        if (box.checked) window.localStorage.setItem(key, "1"); else window.localStorage.removeItem(key);
      } catch { /* storage off */ }
    });
  });
}
