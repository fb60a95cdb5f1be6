/* Printable checklists: a task-list checkbox has no label of its own, so it is named by its item. */
export function mount(list) {
  list.querySelectorAll(":scope > .task-list-item > input[type=checkbox]:not([aria-label])").forEach((box) => {
    box.setAttribute("aria-label", box.parentNode.textContent.replace(/\s+/g, " ").trim());
  });
}
