package org.knowledgehub.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Date-times as pages show them, "5 Dec 2026, 23:55 UTC": templates rendered as Spring views call
 * {@code ${@dates.readable(x)}}; the Linked Data pages, rendered without Spring's bean resolver, are
 * given the formatted value by {@link ResourcePages}. The API keeps ISO-8601.
 */
@Component("dates")
public class PageDates {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** An Instant, or an xsd:dateTime as the store keeps it; anything else (a bare date) is shown as it is. */
    public String readable(Object at) {
        if (at == null) {
            return null;
        }
        try {
            return READABLE.format(at instanceof Instant instant ? instant : Instant.parse(at.toString()));
        } catch (DateTimeParseException e) {
            return at.toString();
        }
    }
}
