package org.knowledgehub.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowledgehub.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A JSON endpoint's answer as CSV, when the caller asks for it with {@code Accept: text/csv} (preferred
 * over JSON) or {@code ?format=csv}: UTF-8, RFC 4180, one heading row, then with {@code ?hxl=true} a
 * row of HXL hashtags, then one row per item of the JSON answer. {@code ?bom=true} starts the file
 * with a byte order mark for spreadsheets that need one to read UTF-8.
 */
public final class CsvExport {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType ANY_CSV = new MediaType("text", "csv");
    /** Text a spreadsheet would run as a formula; numbers ("-3.5") are left as they are. */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final boolean csv;
    private final boolean hxl;
    private final boolean bom;

    private CsvExport(boolean csv, boolean hxl, boolean bom) {
        this.csv = csv;
        this.hxl = hxl;
        this.bom = bom;
    }

    /**
     * What the request asks for: read before the endpoint does its work, so that a bad parameter
     * costs nothing.
     *
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code format}, {@code hxl} or
     *                                                        {@code bom} when one has a value other than those listed
     */
    public static CsvExport of(HttpServletRequest request) {
        String format = request.getParameter("format");
        if (format != null && !List.of("csv", "json").contains(format.strip().toLowerCase(Locale.ROOT))) {
            throw Problems.invalid("format", "format must be csv or json");
        }
        boolean hxl = flag(request, "hxl");
        boolean bom = flag(request, "bom");
        boolean csv = format == null ? prefersCsv(request.getHeader(HttpHeaders.ACCEPT))
                : format.strip().equalsIgnoreCase("csv");
        if (!csv && (hxl || bom)) {
            String field = hxl ? "hxl" : "bom";
            throw Problems.invalid(field, field + "=true applies to CSV: add format=csv or send Accept: text/csv");
        }
        return new CsvExport(csv, hxl, bom);
    }

    /**
     * The endpoint's answer: {@code json} itself, or {@code rows} as CSV when the request asks for CSV.
     *
     * @param name the file name offered for the download, without ".csv"
     */
    public <T> ResponseEntity<?> answer(Object json, String name, List<CsvColumn<T>> columns, List<T> rows) {
        if (!csv) {
            return ResponseEntity.ok(json);
        }
        String file = name + (hxl ? "-hxl" : "") + ".csv";
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(write(columns, rows));
    }

    private static boolean flag(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw Problems.invalid(name, name + " must be true or false");
    }

    /** Whether the Accept header ranks text/csv (named as such) above JSON; ties go to JSON. */
    private static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double csv = types.stream().filter(t -> t.equalsTypeAndSubtype(ANY_CSV)).mapToDouble(MediaType::getQualityValue).max().orElse(0);
        double json = types.stream().filter(t -> t.includes(MediaType.APPLICATION_JSON)).mapToDouble(MediaType::getQualityValue)
                .max().orElse(0);
        return csv > json;
    }

    <T> byte[] write(List<CsvColumn<T>> columns, List<T> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            if (bom) {
                writer.write('\uFEFF');
            }
            printer.printRecord(columns.stream().map(CsvColumn::header));
            if (hxl) {
                printer.printRecord(columns.stream().map(CsvColumn::hashtag));
            }
            for (T row : rows) {
                printer.printRecord(columns.stream().map(c -> cell(c.value().apply(row))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String cell(Object value) {
        String text = switch (value) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            case Collection<?> c -> c.stream().map(CsvExport::cell).filter(s -> !s.isEmpty()).collect(Collectors.joining("; "));
            default -> value.toString();
        };
        return FORMULA.matcher(text).matches() && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }
}
