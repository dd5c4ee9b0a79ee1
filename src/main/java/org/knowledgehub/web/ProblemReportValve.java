package org.knowledgehub.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.knowledgehub.Problems;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for the requests it refuses before the application sees them (a request
 * line with characters a URL may not hold, headers or a URL over the size limit), written as a
 * problem detail instead of Tomcat's HTML page. Errors the application raises never come here:
 * they are forwarded to {@code /error} and answered there.
 */
class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String type = switch (status) {
            case 505 -> "http-version-not-supported";
            case 413 -> "payload-too-large";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        String detail = switch (status) {
            case 400 -> "the server refused the request before reading it: characters a URL may not hold (percent-encode them), "
                    + "or a URL or headers larger than the server accepts";
            case 505 -> "the request's HTTP version is not supported; send HTTP/1.1 or HTTP/2";
            default -> title;
        };
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // Only constants and a number go in: nothing from the request needs escaping.
                writer.write("{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over; nothing more to tell it
        }
    }
}
