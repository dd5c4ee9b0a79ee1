package org.knowledgehub.tables;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.knowledgehub.Problems;

/**
 * The rows of an uploaded CSV: UTF-8 (a byte order mark is dropped), comma, semicolon or tab
 * separated (whichever the first line uses most), RFC 4180 quoting. Indicator tables and
 * observation imports read their CSV (and HXL) uploads through it.
 */
public record CsvText(List<Row> rows) {

    /** One row as read; {@code number} counts from 1 at the top of the file (or sheet). */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell's text without surrounding spaces; "" past the end of the row or for no column (-1). */
        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * @throws org.springframework.web.ErrorResponseException 400 (field "file") when the bytes are
     *                                                        not UTF-8 or not CSV
     */
    public static CsvText of(byte[] bytes) {
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                rows.add(new Row((int) record.getRecordNumber(), record.toList()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw Problems.invalid("file", "the CSV cannot be read after row " + rows.size() + ": " + message(e));
        } catch (IllegalStateException e) {
            throw Problems.invalid("file", "the CSV cannot be read after row " + rows.size() + ": " + e.getMessage());
        }
        return new CsvText(List.copyOf(rows));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problems.invalid("file", "the file is neither a workbook nor UTF-8 text");
        }
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = first.chars().filter(c -> c == ',').count();
        for (char candidate : new char[]{';', '\t'}) {
            long n = first.chars().filter(c -> c == candidate).count();
            if (n > most) {
                most = n;
                best = candidate;
            }
        }
        return best;
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
