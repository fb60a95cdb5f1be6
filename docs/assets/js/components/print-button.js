/* A button that prints the page (the handout styles are in print.css). */
export function mount(button) {
  button.addEventListener("click", () => window.print());
}
