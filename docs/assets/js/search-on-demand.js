/* Load the search index only when someone starts to search.
 *
 * Material requests search/search_index.json as soon as a page loads; for this site that is more
 * than half of what a first visit transfers. This script runs before Material's bundle and holds
 * that one request back until the search field gets focus (click, Tab, or the / and s shortcuts,
 * which focus it too), or the search toggle is switched on. Searching works as before: Material
 * waits for its index and then answers the query that was typed meanwhile.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var send = XMLHttpRequest.prototype.send;
  var open = XMLHttpRequest.prototype.open;
  var waiting = [];
  var wanted = false;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.ksDeferred = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.ksDeferred && !wanted) {
      waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) release();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) release();
  }, true);
  /* A search opened from the address bar (?q=…) needs the index at once. */
  if (/[?&]q=/.test(location.search)) release();
})();
