// Whether the page is live: the inbox's event stream is open (htmx SSE extension), or reconnecting.
// The officer sees it; the page refreshes its lists when the stream opens again, so nothing is missed.
(function () {
  function mark(live) {
    document.body.dataset.live = live ? 'yes' : 'no';
    var shown = document.getElementById('live');
    if (shown) { shown.textContent = live ? shown.dataset.on : shown.dataset.off; }
  }
  // on every (re)connection the lists are fetched again: what changed while the stream was down is shown
  document.addEventListener('htmx:sseOpen', function () {
    // when the page first became live, for bench/run console
    if (window.consoleLiveAt === undefined) { window.consoleLiveAt = performance.now(); }
    mark(true);
    htmx.trigger(document.body, 'refresh');
  });
  document.addEventListener('htmx:sseError', function () { mark(false); });
  // a swapped part (the shift bar after a presence change) shows the state again
  document.addEventListener('htmx:afterSettle', function () {
    if (document.body.dataset.live) { mark(document.body.dataset.live === 'yes'); }
  });
})();
