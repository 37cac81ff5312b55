// The supervisors' charts: the data from the gateway (already in the hotline's time zone), drawn by Chart.js.
document.addEventListener('DOMContentLoaded', function () {
  var page = document.getElementById('charts');
  var names = { abandonment: page.dataset.labelAbandonment, serviceLevel: page.dataset.labelServiceLevel,
    contacts: page.dataset.labelContacts };
  function draw(id, type, series, options) {
    var datasets = Object.keys(series.values).map(function (name) {
      return { label: names[name] || name, data: series.values[name], spanGaps: true };
    });
    return new Chart(document.getElementById(id), { type: type, data: { labels: series.labels, datasets: datasets },
      options: Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, options || {}) });
  }
  var query = '?from=' + encodeURIComponent(page.dataset.from) + '&to=' + encodeURIComponent(page.dataset.to);
  fetch('/console/supervisor/charts/data' + query, { headers: { Accept: 'application/json' } })
    .then(function (response) { return response.json(); })
    .then(function (charts) {
      draw('per-hour', 'bar', charts.perHour, { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } });
      draw('by-topic', 'bar', charts.byTopic, { indexAxis: 'y' });
      draw('by-language', 'bar', charts.byLanguage, { indexAxis: 'y' });
      draw('per-day', 'line', charts.perDay, { scales: { y: { min: 0, max: 100 } } });
      document.body.dataset.charts = 'drawn';
    });
});
