package org.knowledgehub.observations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.Problems;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/observations/import}: observations in bulk from a KoboToolbox export or an HXL CSV. */
@RestController
@Tag(name = "observations")
class ObservationImportController {

    private final ObservationImport imports;
    private final JsonMapper json;

    ObservationImportController(ObservationImport imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(path = "/api/observations/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import observations in bulk (KoboToolbox XLSX or CSV export, HXL CSV)",
            description = "Each row becomes an observation, validated with the shapes at /shapes/observations. With "
                    + "dryRun=true, 200 and the report: rows ok and rows rejected with every violation (field, value, "
                    + "message); nothing stored. Otherwise all rows are stored in one transaction (201 with the report and "
                    + "each observation's id), or none: a 422 problem lists the rejected rows. At most "
                    + ObservationImport.MAX_ROWS + " rows and 10 MB.")
    ResponseEntity<ObservationImportReport> importFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @Parameter(description = "kobo-xlsx, kobo-csv or hxl; recognised from the content when absent")
            @RequestParam(required = false) String format,
            @Parameter(description = "The workbook sheet to read; the first (a Kobo export's main sheet) when absent")
            @RequestParam(required = false) String sheet,
            @Parameter(description = "JSON object from submission field to column heading or HXL hashtag, e.g. "
                    + "{\"text\": \"group_visit/what_seen\", \"method\": \"#meta+method\"}")
            @RequestParam(required = false) String mapping,
            @Parameter(description = "JSON object from submission field to the value it takes where the file gives none, e.g. "
                    + "{\"method\": \"field-visit\", \"consent\": {\"collectedFromPeople\": true, ...}}")
            @RequestParam(required = false) String defaults,
            @Parameter(description = "Only check, store nothing") @RequestParam(defaultValue = "false") boolean dryRun) {
        if (file == null || file.isEmpty()) {
            throw Problems.invalid("file", file == null ? "the multipart part 'file' is missing" : "the file is empty");
        }
        if (file.getSize() > ObservationImport.MAX_BYTES) {
            throw Problems.payloadTooLarge("file", "the file is larger than " + ObservationImport.MAX_BYTES / (1024 * 1024)
                    + " MB; split it into several imports");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObservationImportReport report = imports.run(new ObservationImport.Request(bytes, format, sheet, fields("mapping", mapping),
                fields("defaults", defaults), dryRun), CurrentCaller.get());
        boolean created = report.accepted().stream().anyMatch(a -> "created".equals(a.status()));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }

    /** A JSON object of fields as field → text; a nested consent object gives consent.* fields, a list a comma-separated text. */
    private Map<String, String> fields(String parameter, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw Problems.invalid(parameter, parameter + " must be a JSON object from submission field to "
                    + (parameter.equals("mapping") ? "column heading or HXL hashtag" : "value"));
        }
        flatten("", node, out, parameter);
        return out;
    }

    private static void flatten(String prefix, JsonNode object, Map<String, String> out, String parameter) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonNode v = e.getValue();
            String key = prefix + e.getKey();
            if (v.isObject() && prefix.isEmpty()) {
                flatten(key + ".", v, out, parameter);
            } else if (v.isArray()) {
                StringBuilder joined = new StringBuilder();
                v.forEach(item -> joined.append(joined.isEmpty() ? "" : ",").append(item.asString()));
                out.put(key, joined.toString());
            } else if (v.isNull()) {
                out.put(key, null);
            } else if (v.isValueNode()) {
                out.put(key, v.asString());
            } else {
                throw Problems.invalid(parameter, parameter + "." + key + " must be a text, a number, true or false, or a list");
            }
        }
    }
}
