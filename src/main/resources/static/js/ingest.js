// The page of a background ingest: asks /api/ingests/{id} every two seconds and shows the state, the
// share of the text annotated, then the document or the problem, until the ingest has ended.
(function () {
  const page = document.getElementById('ingest');
  if (!page || page.dataset.finished === 'true') {
    return;
  }
  const state = document.getElementById('ingest-state');
  const progress = document.getElementById('ingest-progress');
  const percent = document.getElementById('ingest-percent');
  const doc = document.getElementById('ingest-document');
  const link = document.getElementById('ingest-document-link');
  const problem = document.getElementById('ingest-problem');
  // The page's own words, in the reader's language (data-w-* on the page).
  const words = page.dataset;
  const states = {queued: words.wQueued, parsing: words.wParsing, annotating: words.wAnnotating, storing: words.wStoring,
                  committed: words.wCommitted, failed: words.wFailed};

  function poll() {
    fetch('/api/ingests/' + encodeURIComponent(page.dataset.id), {headers: {'Accept': 'application/json'}})
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(body.detail || ('HTTP ' + response.status));
          }
          return body;
        });
      })
      .then(function (status) {
        state.textContent = states[status.state] || status.state;
        state.dataset.state = status.state;
        progress.value = status.percent;
        percent.textContent = status.percent + '% ' + words.wAnnotated;
        if (status.document) {
          link.href = '/id/document/' + status.document.id;
          link.textContent = status.document.title || status.document.id;
          doc.style.display = '';
        }
        if (status.problem) {
          problem.textContent = words.wNotStored + ' ' + status.problem.detail;
          problem.style.display = '';
        }
        if (status.state !== 'committed' && status.state !== 'failed') {
          setTimeout(poll, 2000);
        }
      })
      .catch(function (error) {
        problem.textContent = words.wUnreadable + ' ' + error.message;
        problem.style.display = '';
        setTimeout(poll, 5000);
      });
  }
  setTimeout(poll, 1000);
})();
