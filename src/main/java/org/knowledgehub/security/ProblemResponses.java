package org.knowledgehub.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.knowledgehub.Problems;

/** Problem bodies written by the security filters, which run before Spring MVC can render one. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
