/* Start the search only when someone starts to search.
 *
 * Material requests search/search_index.json as soon as a page loads and then starts its search
 * worker, which for this site loads Pagefind (its script and WebAssembly, more than the rest of a first
 * visit). This script runs before Material's bundle and holds that one request back until the search
 * field gets focus (click, Tab, or the / and s shortcuts, which focus it too), or the search toggle is
 * switched on. Searching works as before: Material waits for the request and then answers the query
 * that was typed meanwhile.
 *
 * A classic script, as it must run before the bundle of Material (a module runs later), in the one
 * dialect of the site; the block keeps its names to itself.
 */
"use strict";
{
  const INDEX = /\/search\/search_index\.json$/;
  const { open, send } = XMLHttpRequest.prototype;
  const waiting = [];
  let wanted = false;

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.ksDeferred = INDEX.test(new URL(String(url), location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.ksDeferred && !wanted) {
      waiting.push([this, args]);
      return undefined;
    }
    return send.apply(this, args);
  };

  const release = () => {
    if (wanted) return;
    wanted = true;
    for (const [request, args] of waiting.splice(0)) send.apply(request, args);
  };
  document.addEventListener("focusin", (event) => {
    if (event.target.matches?.(".md-search__input")) release();
  }, true);
  document.addEventListener("change", (event) => {
    if (event.target.id === "__search" && event.target.checked) release();
  }, true);
  /* A search opened from the address bar (?q=…) needs the index at once. */
  if (/[?&]q=/.test(location.search)) release();
}
