// The SPARQL page: YASGUI (served from its WebJar) querying this server's /sparql. Named queries open
// in tabs of their own. Nothing is fetched from other hosts: prefixes come from the page, not
// prefix.cc; the completers that ask LOV are left out; and nothing is kept in the browser's storage,
// so results a member was shown do not outlive the page after signing out.
(function () {
  const root = document.getElementById('yasgui');
  const endpoint = new URL('/sparql', window.location.href).href;
  const base = root.dataset.base;
  const prefixes = JSON.parse(root.dataset.prefixes);

  Yasgui.Yasqe.forkAutocompleter('prefixes', {
    name: 'hub-prefixes',
    persistenceId: null,
    get: function () {
      return Promise.resolve(Object.keys(prefixes).sort().map(function (p) { return p + ': <' + prefixes[p] + '>'; }));
    }
  });
  // lodash's merge of Yasgui's defaults would keep the default completers behind ours: replace them.
  Yasgui.defaults.yasqe.autocompleters = ['hub-prefixes', 'variables'];

  const yasgui = new Yasgui(root, {
    persistenceId: null,
    populateFromUrl: false,
    tabName: root.dataset.wQuery || 'Query',
    requestConfig: {endpoint: endpoint, method: 'POST'},
    endpointCatalogueOptions: {getData: function () { return [{endpoint: endpoint}]; }},
    yasqe: {value: document.getElementById('first-query').textContent},
    yasr: {prefixes: prefixes}
  });

  document.querySelectorAll('.named-query').forEach(function (button) {
    button.addEventListener('click', function () {
      const query = button.parentElement.querySelector('.query-text').textContent.trim();
      const tab = yasgui.addTab(true, {name: button.textContent, yasqe: {value: query}});
      tab.show();
      tab.query().catch(function () { /* YASR shows the error */ });
    });
  });

  // IRIs under the hub's base open on this server, whatever host and port it was reached at.
  root.addEventListener('click', function (event) {
    const link = event.target.closest('a.iri');
    if (link && base && link.href.indexOf(base) === 0) {
      link.href = '/' + link.href.substring(base.length);
      link.target = '_self';
    }
  });
})();
