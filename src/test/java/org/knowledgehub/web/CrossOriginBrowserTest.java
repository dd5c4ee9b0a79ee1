package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.web.BrowserTest.assertNoBrowserErrors;
import static org.knowledgehub.web.BrowserTest.browser;
import static org.knowledgehub.web.BrowserTest.waiting;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;

/**
 * A page of another origin (a notebook, a SPARQL editor served elsewhere) queries the hub's SPARQL
 * endpoint with {@code fetch} in Chromium: a GET, and a POST of the query as
 * {@code application/sparql-query}, which the browser sends only after a CORS preflight.
 */
class CrossOriginBrowserTest extends ChromiumTest {

    private static final String QUERY = "PREFIX kh: <https://w3id.org/knowledge-hub/ns#> SELECT ?m WHERE { ?m a kh:Meeting }";
    private static final String PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Notebook</title></head><body>
            <p>GET rows: <span id="get">…</span></p>
            <p>POST rows: <span id="post">…</span></p>
            <script>
              const hub = new URLSearchParams(location.search).get('hub');
              const query = %s;
              const count = (id, request) => request
                .then(r => r.ok ? r.json() : Promise.reject('status ' + r.status))
                .then(j => { document.getElementById(id).textContent = j.results.bindings.length; })
                .catch(e => { document.getElementById(id).textContent = 'failed: ' + e; });
              count('get', fetch(hub + '/sparql?query=' + encodeURIComponent(query),
                  {headers: {'Accept': 'application/sparql-results+json'}}));
              count('post', fetch(hub + '/sparql', {method: 'POST', body: query,
                  headers: {'Accept': 'application/sparql-results+json', 'Content-Type': 'application/sparql-query'}}));
            </script>
            </body></html>
            """;

    private static HttpServer otherOrigin;

    @BeforeAll
    static void start() throws IOException {
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = PAGE.formatted("'" + QUERY + "'").getBytes(StandardCharsets.UTF_8);
        otherOrigin.createContext("/", exchange -> {
            boolean isPage = exchange.getRequestURI().getPath().equals("/notebook.html");
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(isPage ? 200 : 204, isPage ? page.length : -1);
            if (isPage) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            }
            exchange.close();
        });
        otherOrigin.start();
    }

    @AfterAll
    static void stop() {
        if (otherOrigin != null) {
            otherOrigin.stop(0);
        }
    }

    @BeforeEach
    void clearLogs() {
        browser.manage().logs().get(LogType.BROWSER);
    }

    @Test
    void aPageOfAnotherOriginRunsASparqlQuery() {
        String hub = http().base();
        browser.get("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/notebook.html?hub=" + hub);
        for (String id : new String[]{"get", "post"}) {
            waiting().until(d -> !d.findElement(By.id(id)).getText().equals("…"));
            String rows = browser.findElement(By.id(id)).getText();
            assertThat(rows).as(id).matches("\\d+");
            assertThat(Integer.parseInt(rows)).as(id).isPositive();
        }
        assertNoBrowserErrors();
    }
}
