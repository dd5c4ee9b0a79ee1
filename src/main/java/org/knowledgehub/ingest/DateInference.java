package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's publication date: declared, from its front matter, the meeting its minutes
 * record, a date line on its cover ("Report date: 19 August 2020", a lone "19 August 2020"), a
 * month named in its title ("... Market Trends December 2020"), a date in its file name, the
 * name its source URL gives, the creation date of the file, and last the latest month or year its
 * cover names. A month (or year) without a day is kept as its first day and its claim says the
 * month (or year) only.
 */
final class DateInference {

    /** The date a claim holds and the precision its evidence had (2020-12 for "December 2020"). */
    record Found(LocalDate date, String written) {
    }

    /** "Date: 27 May 2021", "Date of note : 20 September 2019"; not "Date of interviews", which is a period of work. */
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)^\\**\\s*(report date|date of (?:the )?(?:report|notes?|summary|publication|issue)|date|published|publication date|issued)"
                    + "\\s*\\**\\s*[:\\t]\\s*\\**\\s*(.+)$");
    /**
     * A byline that ends with its date: "UNHCR, UNICEF and WFP - Beirut, published 20 December 2019"
     * (a next line that Markdown joined to it may follow).
     */
    private static final Pattern ENDS_WITH_DATE = Pattern.compile(
            "(\\d{1,2}\\s+[A-Z][a-z]{2,8}\\.?\\s+(?:19|20)\\d\\d|[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d\\d)"
                    + "[\\s*_).]*(?:$|\\s(?=[A-Z]))");
    private static final int MAX_BYLINE = 250;
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "(?i)\\b(january|february|march|april|may|june|july|august|september|october|november|december)\\s+((?:19|20)\\d\\d)\\b");
    private static final Pattern ISO_IN_NAME = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)-?(\\d\\d)-?(\\d\\d)(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(?!\\d)");
    private static final List<DateTimeFormatter> WRITTEN = List.of(DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("uuuu/M/d"));

    private DateInference() {
    }

    static Optional<MetadataClaim> infer(DocumentEvidence e, String title, LocalDate today) {
        if (e.doc.request.date() != null) {
            return Optional.of(new MetadataClaim("date", e.doc.request.date().toString(), MetadataClaim.DECLARED, 1.0));
        }
        Optional<MetadataClaim> claim = first(
                () -> e.file.written() ? parse(e.file.date()).map(d -> claim(d, e.file.source(), 0.9)) : Optional.empty(),
                () -> Optional.ofNullable(e.doc.meeting).map(Meeting::date).map(d -> claim(new Found(d, d.toString()), "minutes-header", 0.9)),
                () -> coverDate(e.cover).map(d -> claim(d, "cover-date", 0.8)),
                () -> monthIn(title).map(d -> claim(d, "title", 0.7)),
                () -> inFileName(e.fileName).map(d -> claim(d, "file-name", 0.6)),
                () -> e.publishedName == null ? Optional.empty() : inFileName(e.publishedName).map(d -> claim(d, "source-url", 0.6)),
                () -> fileCreated(e, title).map(d -> claim(d, e.file.source() + " (created)", 0.5)),
                () -> latestMonth(e.cover.text()).map(d -> claim(d, "dates-in-text", 0.3)),
                () -> latestYear(e.cover.text(), today).map(d -> claim(d, "years-in-text", 0.2)));
        return claim.filter(c -> !LocalDate.parse(dayOf(c.value())).isAfter(today));
    }

    @SafeVarargs
    private static Optional<MetadataClaim> first(java.util.function.Supplier<Optional<MetadataClaim>>... sources) {
        for (var s : sources) {
            Optional<MetadataClaim> c = s.get();
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static MetadataClaim claim(Found found, String method, double confidence) {
        return new MetadataClaim("date", found.written(), method, confidence);
    }

    /** The stored date of a claim's value: 2020-12 is kept as 2020-12-01. */
    static String dayOf(String written) {
        return written.length() == 7 ? written + "-01" : written.length() == 4 ? written + "-01-01" : written;
    }

    /** A date as files write it: ISO date or date-time, "26-03-2021", "4 April 2019", "December 2020". */
    static Optional<Found> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(found(OffsetDateTime.parse(v).toLocalDate()));
        } catch (DateTimeParseException ignored) {
            // not a date-time with an offset
        }
        if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            try {
                return Optional.of(found(LocalDate.parse(v.substring(0, 10))));
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
        for (DateTimeFormatter f : WRITTEN) {
            try {
                return Optional.of(found(LocalDate.parse(v, f)));
            } catch (DateTimeParseException ignored) {
                // the next layout
            }
        }
        return MinutesReader.parseDate(v).map(DateInference::found).or(() -> monthIn(v));
    }

    private static Found found(LocalDate d) {
        return new Found(d, d.toString());
    }

    /** A labelled date line, or a short line that ends with a date (a byline, a lone date), among the cover's first lines. */
    private static Optional<Found> coverDate(CoverPage cover) {
        List<CoverPage.Line> first = cover.lines().subList(0, Math.min(cover.lines().size(), 15));
        for (CoverPage.Line line : first) {
            Matcher labelled = DATE_LINE.matcher(line.text().strip());
            if (labelled.matches()) {
                Optional<Found> d = parse(labelled.group(2).replace("*", "").strip());
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        for (CoverPage.Line line : first) {
            String text = line.text().strip();
            Matcher byline = ENDS_WITH_DATE.matcher(text);
            // Not "Visit dates: 9-11 November 2021": a field of the cover that is not the date of the document.
            boolean loneDate = text.length() <= 30;
            if (text.length() <= MAX_BYLINE && (loneDate || !line.heading()) && !line.field() && byline.find()) {
                Optional<Found> d = MinutesReader.parseDate(byline.group(1)).map(DateInference::found);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /** The last month-and-year a title names ("April 2020 - June 2020" gives June 2020). */
    private static Optional<Found> monthIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = MONTH_YEAR.matcher(text);
        Found last = null;
        while (m.find()) {
            last = month(m);
        }
        return Optional.ofNullable(last);
    }

    private static Found month(Matcher m) {
        int month = java.time.Month.valueOf(m.group(1).toUpperCase(Locale.ROOT)).getValue();
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(2)), month, 1);
        return new Found(d, d.toString().substring(0, 7));
    }

    private static Optional<Found> inFileName(String fileName) {
        Matcher m = ISO_IN_NAME.matcher(fileName);
        while (m.find()) {
            try {
                return Optional.of(found(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)))));
            } catch (java.time.DateTimeException ignored) {
                // eight digits that are not a date
            }
        }
        return Optional.empty();
    }

    /**
     * The file's creation date, unless the title or file name names a later year: a report on 2024
     * written in a file created in 2019 was written over an older file, whose date says nothing.
     */
    private static Optional<Found> fileCreated(DocumentEvidence e, String title) {
        if (e.file.written()) {
            return Optional.empty();
        }
        return parse(e.file.date()).filter(d -> {
            Matcher y = YEAR.matcher(title + " " + e.fileName);
            while (y.find()) {
                if (Integer.parseInt(y.group(1)) > d.date().getYear()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The latest year the cover names, when it names no month: a year is all it tells. */
    private static Optional<Found> latestYear(String cover, LocalDate today) {
        return YEAR.matcher(cover).results().map(r -> Integer.parseInt(r.group(1)))
                .filter(y -> y <= today.getYear()).max(Integer::compare)
                .map(y -> new Found(LocalDate.of(y, 1, 1), String.valueOf(y)));
    }

    /** The latest month the cover names. */
    private static Optional<Found> latestMonth(String cover) {
        Matcher m = MONTH_YEAR.matcher(cover);
        Found latest = null;
        while (m.find()) {
            Found f = month(m);
            if (latest == null || f.date().isAfter(latest.date())) {
                latest = f;
            }
        }
        return Optional.ofNullable(latest);
    }
}
