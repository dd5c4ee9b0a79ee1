// The trends page: draws an indicator's series (line chart) and the areas compared in one year
// (bar chart) from /api/trends and /api/trends/compare with Chart.js, which the service serves
// itself from its WebJar, and lists the same figures in tables.
(function () {
  const page = document.getElementById('trends');
  const form = document.getElementById('trends-form');
  if (!page || !page.dataset.indicator) {
    return;
  }
  form.querySelectorAll('select').forEach(function (select) {
    select.addEventListener('change', function () { form.submit(); });
  });
  const error = document.getElementById('trends-error');
  // The page's own words, in the reader's language (data-w-* on the page).
  const words = page.dataset;
  // Areas and populations by code as the page's choices name them, in the reader's language.
  const names = {};
  form.querySelectorAll('#area option, #population option').forEach(function (o) {
    names[o.value] = o.textContent.replace(/^· /, '');
  });
  const indicator = form.querySelector('#indicator option:checked');

  function named(ref) {
    return names[ref.code] || ref.label;
  }
  const common = 'indicator=' + encodeURIComponent(page.dataset.indicator)
      + (page.dataset.population ? '&population=' + encodeURIComponent(page.dataset.population) : '');

  get('/api/trends?' + common + '&area=' + encodeURIComponent(page.dataset.area)).then(drawTrend).catch(show);
  get('/api/trends/compare?' + common + '&year=' + encodeURIComponent(page.dataset.year)
      + '&level=' + encodeURIComponent(page.dataset.level)).then(drawComparison).catch(show);

  function get(url) {
    return fetch(url, {headers: {'Accept': 'application/json'}}).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error(body.detail || ('HTTP ' + response.status));
        }
        return body;
      });
    });
  }

  function show(e) {
    error.hidden = false;
    error.textContent = e.message;
  }

  function number(v) {
    return v === null || v === undefined ? '' : Number(v).toLocaleString('en', {maximumFractionDigits: 1});
  }

  function signed(v) {
    if (v === null || v === undefined) {
      return '';
    }
    return (Number(v) > 0 ? '+' : '') + number(v);
  }

  function label(series, several) {
    return named(series.area) + (several && series.population ? ' – ' + named(series.population) : '');
  }

  function drawTrend(trend) {
    const years = [];
    trend.series.forEach(function (s) {
      s.points.forEach(function (p) { if (years.indexOf(p.year) < 0) { years.push(p.year); } });
    });
    years.sort();
    const populations = new Set(trend.series.map(function (s) { return s.population ? s.population.code : ''; }));
    const several = populations.size > 1;
    document.getElementById('trend-status').textContent = trend.series.length + ' ' + words.wSeries;
    new Chart(document.getElementById('trend-chart'), {
      type: 'line',
      data: {
        labels: years,
        datasets: trend.series.map(function (s) {
          const byYear = {};
          s.points.forEach(function (p) { byYear[p.year] = Number(p.value); });
          return {
            label: label(s, several),
            data: years.map(function (y) { return y in byYear ? byYear[y] : null; }),
            spanGaps: true,
            borderWidth: s.role === 'area' || s.role === 'national' ? 3 : 1.5,
            borderDash: s.role === 'national' ? [6, 4] : []
          };
        })
      },
      options: {maintainAspectRatio: false, animation: false, interaction: {mode: 'nearest', intersect: false}}
    });
    const table = document.getElementById('trend-table');
    const head = table.insertRow();
    head.appendChild(cell('th', words.wArea));
    years.forEach(function (y) { head.appendChild(cell('th', String(y), 'number')); });
    trend.series.forEach(function (s) {
      const row = table.insertRow();
      row.dataset.area = s.area.code;
      row.appendChild(cell('th', label(s, several) + (s.role === 'area' ? '' : ' (' + role(s.role) + ')')));
      years.forEach(function (y) {
        const p = s.points.find(function (q) { return q.year === y; });
        const td = cell('td', p ? number(p.value) : '', 'number');
        if (p && p.change !== null) {
          const change = document.createElement('div');
          change.className = 'change';
          change.textContent = signed(p.change) + ' ' + words.wSince + ' ' + p.previousYear + ' ';
          const why = document.createElement('a');
          why.className = 'why';
          why.textContent = words.wWhy;
          why.href = '/trends/explain?' + new URLSearchParams({
            indicator: trend.indicator.code, area: s.area.code, population: s.population ? s.population.code : '',
            from: String(p.previousYear), to: String(p.year)
          }).toString();
          change.appendChild(why);
          td.appendChild(change);
        }
        row.appendChild(td);
      });
    });
  }

  function drawComparison(comparison) {
    const areas = comparison.areas;
    document.getElementById('compare-status').textContent = areas.length + ' ' + words.wAreas;
    new Chart(document.getElementById('compare-chart'), {
      type: 'bar',
      data: {
        labels: areas.map(function (a) { return named(a.area); }),
        datasets: [{label: (indicator ? indicator.textContent : comparison.indicator.label) + ', ' + comparison.year, data: areas.map(function (a) { return Number(a.value); })}]
      },
      options: {maintainAspectRatio: false, animation: false, indexAxis: 'y', plugins: {legend: {display: false}}}
    });
    const table = document.getElementById('compare-table');
    const head = table.insertRow();
    [words.wRank, words.wArea, String(comparison.year), words.wPrevious, words.wChange].forEach(function (h, i) {
      head.appendChild(cell('th', h, i === 1 ? null : 'number'));
    });
    areas.concat(comparison.national ? [comparison.national] : []).forEach(function (a) {
      const row = table.insertRow();
      row.dataset.area = a.area.code;
      row.appendChild(cell('td', a.rank === null ? '' : String(a.rank), 'number'));
      row.appendChild(cell('td', named(a.area)));
      row.appendChild(cell('td', number(a.value), 'number'));
      row.appendChild(cell('td', a.previousYear ? number(a.previousValue) + ' (' + a.previousYear + ')' : '', 'number'));
      row.appendChild(cell('td', signed(a.change), 'number'));
    });
  }

  function role(code) {
    return {parent: words.wParent, child: words.wChild, national: words.wNational}[code] || code;
  }

  function cell(tag, text, className) {
    const c = document.createElement(tag);
    c.textContent = text;
    if (className) {
      c.className = className;
    }
    return c;
  }
})();
