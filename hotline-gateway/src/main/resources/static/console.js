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

// Something offered to me (a call ringing for me, a conversation given to me): a line on the page that
// screen readers say, a short tone, and a browser notification when the officer allowed them. Read from
// the event stream itself, so every console page hears it; each thing is announced once.
(function () {
  var announced = {};
  var heard = typeof WeakSet === 'function' ? new WeakSet() : null;
  function officer() { return document.body.dataset.officer; }
  function tone() {
    try {
      var audio = tone.context || (tone.context = new (window.AudioContext || window.webkitAudioContext)());
      var beep = audio.createOscillator();
      var volume = audio.createGain();
      beep.frequency.value = 880;
      volume.gain.value = 0.2;
      beep.connect(volume);
      volume.connect(audio.destination);
      beep.start();
      beep.stop(audio.currentTime + 0.4);
    } catch (e) { /* no sound on this machine: the line on the page and the notification remain */ }
  }
  function announce(key, kind) {
    if (announced[key]) { return; }
    announced[key] = true;
    var line = document.getElementById('alert');
    var text = line ? line.dataset[kind] : kind;
    if (line) { line.textContent = text; }
    var notified = false;
    try {
      if (window.Notification && Notification.permission === 'granted') {
        new Notification(text, { tag: key });
        notified = true;
      }
    } catch (e) { /* notifications refused by the browser */ }
    tone();
    (window.consoleAlerts = window.consoleAlerts || []).push({ key: key, kind: kind, notified: notified });
  }
  function listen(source) {
    if (!source || (heard && heard.has(source))) { return; }
    if (heard) { heard.add(source); }
    source.addEventListener('call', function (message) {
      var change = JSON.parse(message.data);
      if (change.officerId === officer() && change.status === 'offered') { announce('call:' + change.conversationId, 'call'); }
    });
    source.addEventListener('conversation', function (message) {
      var change = JSON.parse(message.data);
      var here = location.pathname === '/console/conversations/' + change.conversationId;
      if (change.officerId === officer() && change.status === 'assigned' && !here) {
        announce('conversation:' + change.conversationId, 'conversation');
      }
    });
  }
  document.addEventListener('htmx:sseOpen', function (event) { listen(event.detail && event.detail.source); });
  document.addEventListener('DOMContentLoaded', function () {
    var allow = document.getElementById('allow-notifications');
    if (allow && window.Notification && Notification.permission === 'default') {
      allow.hidden = false;
      allow.addEventListener('click', function () {
        Notification.requestPermission().then(function () { allow.hidden = true; });
      });
    }
  });
  // the wrap-up counts down on the page; the server's figure is the truth at every redraw
  setInterval(function () {
    document.querySelectorAll('.countdown[data-seconds]').forEach(function (shown) {
      var left = Math.max(0, parseInt(shown.dataset.seconds, 10) - 1);
      shown.dataset.seconds = String(left);
      shown.textContent = left + ' ' + shown.dataset.unit;
    });
  }, 1000);
})();
