// The SPARQL page: loads named queries into the editor, runs the query at /sparql and shows the
// results as a table. No library: the page must work with what the service serves itself.
(function () {
  const editor = document.getElementById('sparql-query');
  const status = document.getElementById('query-status');
  const results = document.getElementById('query-results');

  document.querySelectorAll('.named-query').forEach(function (button) {
    button.addEventListener('click', function () {
      editor.value = button.parentElement.querySelector('.query-text').textContent.trim();
      run();
    });
  });
  document.getElementById('run-query').addEventListener('click', run);

  function run() {
    status.textContent = 'Running…';
    results.textContent = '';
    const started = performance.now();
    fetch('/sparql', {
      method: 'POST',
      headers: {'Content-Type': 'application/sparql-query', 'Accept': 'application/sparql-results+json, text/turtle;q=0.9'},
      body: editor.value
    }).then(function (response) {
      const type = response.headers.get('Content-Type') || '';
      return response.text().then(function (body) { return {response: response, type: type, body: body}; });
    }).then(function (r) {
      const ms = Math.round(performance.now() - started);
      if (!r.response.ok) {
        let detail = r.body;
        try { detail = JSON.parse(r.body).detail; } catch (e) { /* not a problem body */ }
        status.textContent = 'Error ' + r.response.status + ': ' + detail;
        status.className = 'error';
        return;
      }
      status.className = '';
      if (r.type.indexOf('sparql-results+json') >= 0) {
        const json = JSON.parse(r.body);
        if ('boolean' in json) {
          status.textContent = 'Answer: ' + json.boolean + ' (' + ms + ' ms)';
          return;
        }
        status.textContent = json.results.bindings.length + ' rows (' + ms + ' ms)';
        results.appendChild(table(json.head.vars, json.results.bindings));
      } else {
        status.textContent = 'Graph (' + ms + ' ms)';
        const pre = document.createElement('pre');
        pre.textContent = r.body;
        results.appendChild(pre);
      }
    }).catch(function (e) {
      status.textContent = 'Error: ' + e;
      status.className = 'error';
    });
  }

  function table(vars, rows) {
    const t = document.createElement('table');
    t.className = 'results';
    const head = t.insertRow();
    vars.forEach(function (v) {
      const th = document.createElement('th');
      th.textContent = v;
      head.appendChild(th);
    });
    rows.forEach(function (row) {
      const tr = t.insertRow();
      vars.forEach(function (v) {
        const td = tr.insertCell();
        const cell = row[v];
        if (!cell) { return; }
        if (cell.type === 'uri') {
          const a = document.createElement('a');
          a.href = cell.value;
          a.textContent = cell.value;
          td.appendChild(a);
        } else {
          td.textContent = cell.value;
        }
      });
    });
    return t;
  }
})();
