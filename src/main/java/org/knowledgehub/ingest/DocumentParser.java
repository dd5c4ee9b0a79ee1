package org.knowledgehub.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.Tika;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.OfficeOpenXMLExtended;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads every supported format through Apache Tika into blocks. Markdown, which real minutes
 * arrive in with HTML embedded, is rendered to HTML by CommonMark first, so that its headings,
 * lists and embedded tables reach Tika's HTML parser as structure.
 */
final class DocumentParser {

    static final String MARKDOWN = "text/markdown";
    static final String PLAIN = "text/plain";
    static final String HTML = "text/html";
    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final Set<String> SUPPORTED = Set.of(MARKDOWN, PLAIN, HTML, PDF, DOCX);

    private static final Set<String> MARKDOWN_SUFFIXES = Set.of(".md", ".markdown", ".mdown");
    private static final int DETECTION_PREFIX = 16 * 1024;
    private static final Set<String> TEXT_TYPES = Set.of(MARKDOWN, PLAIN, HTML);

    private static final EmbeddedDocumentExtractor NO_EMBEDDED = new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
        }
    };

    private final Tika tika = new Tika();
    private final JSoupParser htmlParser = new JSoupParser();
    private final AutoDetectParser parser = new AutoDetectParser();
    // YAML front matter (title, author, date... between "---" lines) is metadata, not a heading of the text.
    private final Parser markdown = Parser.builder()
            .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create())).build();
    private final HtmlRenderer markdownToHtml = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();
    private final int maxChars;
    private final int maxNesting;

    DocumentParser(int maxChars, int maxNesting) {
        this.maxChars = maxChars;
        this.maxNesting = maxNesting;
    }

    /**
     * The media type of the bytes, by content first and name second; one of {@link #SUPPORTED} or
     * another. Magic numbers sit at the start of a file, so only a prefix is examined.
     */
    String detect(byte[] bytes, String name) {
        String byName = normalise(tika.detect(name));
        if (TEXT_TYPES.contains(byName) && looksLikeText(bytes)) {
            // A text file named as one: Tika's magic matching would only confirm it, at a cost.
            return byName;
        }
        byte[] prefix = bytes.length <= DETECTION_PREFIX ? bytes : Arrays.copyOf(bytes, DETECTION_PREFIX);
        if (TEXT_TYPES.contains(byName)) {
            String byContent = normalise(detectOrBinary(prefix, null));
            if (!byContent.startsWith("text/")) {
                throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file", "the file is named as " + byName
                        + " but its content is " + byContent + "; send it under a name that says what it is");
            }
        }
        String type = normalise(detectOrBinary(prefix, name));
        return type.equals(PLAIN) && hasSuffix(name, MARKDOWN_SUFFIXES) ? MARKDOWN : type;
    }

    private String detectOrBinary(byte[] prefix, String name) {
        try {
            return name == null ? tika.detect(prefix) : tika.detect(prefix, name);
        } catch (RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String normalise(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/x-web-markdown" -> MARKDOWN;
            case "application/xhtml+xml" -> HTML;
            default -> type;
        };
    }

    /** No NUL byte, few control characters and no magic number of a binary format in the first kilobyte. */
    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 1024);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' || b == 0x7f) {
                controls++;
            }
        }
        if (controls * 100 > n) {
            return false;
        }
        return !(n >= 4 && (bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
                || bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4));
    }

    ParsedText parse(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new IngestFailure(IngestFailure.Reason.INVALID, "file", "the file is empty");
        }
        String type = detect(bytes, name);
        if (!SUPPORTED.contains(type)) {
            throw new IngestFailure(IngestFailure.Reason.UNSUPPORTED, "file",
                    "files of type " + type + " are not supported; send Markdown, HTML, plain text, PDF or DOCX");
        }
        try {
            return parse(bytes, name, type);
        } catch (StackOverflowError e) {
            // A last resort: the nesting limits below should stop any input that goes this deep.
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file",
                    "the document is nested too deeply to be read (at most " + maxNesting + " levels)");
        }
    }

    private ParsedText parse(byte[] bytes, String name, String type) {
        return switch (type) {
            case MARKDOWN -> {
                String text = withinLimit(decode(bytes, name));
                MarkdownNesting.check(text, maxNesting);
                Node root = markdown.parse(text);
                String html = markdownToHtml.render(root);
                yield new ParsedText(MARKDOWN, parseHtml(html), false,
                        List.of(Parser.class.getName(), JSoupParser.class.getName()), frontMatter(root), HeadingHints.NONE);
            }
            case PLAIN -> {
                String text = withinLimit(decode(bytes, name));
                yield new ParsedText(PLAIN, PlainTextBlocks.read(text), true,
                        List.of("org.apache.tika.detect.AutoDetectReader"), PlainTextBlocks.header(text), HeadingHints.NONE);
            }
            default -> parseWithTika(bytes, type);
        };
    }

    /**
     * Text files are read whole, not through Tika's handler that stops at the limit: they are
     * checked before any stage works on them (a 50 MB text file ran CoreNLP out of memory).
     */
    private String withinLimit(String text) {
        if (text.length() > maxChars) {
            throw new IngestFailure(IngestFailure.Reason.TOO_LARGE, "file", new XhtmlBlockHandler.TextTooLongException(maxChars).getMessage());
        }
        return text;
    }

    /** HTML rendered from Markdown, straight to Tika's HTML parser (nothing to detect). */
    private List<RawBlock> parseHtml(String html) {
        XhtmlBlockHandler handler = new XhtmlBlockHandler(maxChars, maxNesting);
        ParseContext context = new ParseContext();
        context.set(HtmlMapper.class, new StructureHtmlMapper());
        try {
            htmlParser.parseString(html, handler, new Metadata(), context);
        } catch (SAXException e) {
            if (e.getException() instanceof XhtmlBlockHandler.TextTooLongException tooLong) {
                throw new IngestFailure(IngestFailure.Reason.TOO_LARGE, "file", tooLong.getMessage(), e);
            }
            if (e.getException() instanceof XhtmlBlockHandler.NestingTooDeepException deep) {
                throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file", deep.getMessage(), e);
            }
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file", "the file could not be read: " + rootMessage(e), e);
        }
        return handler.blocks();
    }

    private ParsedText parseWithTika(byte[] bytes, String type) {
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, type);
        ParseContext context = new ParseContext();
        context.set(HtmlMapper.class, new StructureHtmlMapper());
        // Files embedded in a PDF or DOCX (pictures, a chart's workbook) are not the document's text.
        context.set(EmbeddedDocumentExtractor.class, NO_EMBEDDED);
        XhtmlBlockHandler handler = new XhtmlBlockHandler(maxChars, maxNesting);
        try (InputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file", "the file is encrypted or password-protected", e);
        } catch (ZeroByteFileException e) {
            throw new IngestFailure(IngestFailure.Reason.INVALID, "file", "the file is empty", e);
        } catch (SAXException e) {
            if (e.getException() instanceof XhtmlBlockHandler.TextTooLongException tooLong) {
                throw new IngestFailure(IngestFailure.Reason.TOO_LARGE, "file", tooLong.getMessage(), e);
            }
            if (e.getException() instanceof XhtmlBlockHandler.NestingTooDeepException deep) {
                throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file", deep.getMessage(), e);
            }
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file", "the file could not be read: " + rootMessage(e), e);
        } catch (TikaException | IOException | RuntimeException e) {
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file",
                    "the file could not be read as " + type + ": " + rootMessage(e), e);
        }
        List<String> parsers = List.of(metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY));
        return new ParsedText(type, handler.blocks(), PDF.equals(type), parsers, new FileMetadata(
                blankToNull(metadata.get(TikaCoreProperties.TITLE)), blankToNull(metadata.get(TikaCoreProperties.CREATOR)),
                blankToNull(metadata.get(OfficeOpenXMLExtended.COMPANY)), blankToNull(metadata.get(TikaCoreProperties.CREATED)),
                null, blankToNull(metadata.get(TikaCoreProperties.LANGUAGE)), null, FileMetadata.sourceOf(type)),
                headings(bytes, type));
    }

    private static HeadingHints headings(byte[] bytes, String type) {
        return switch (type) {
            case PDF -> PdfFontHeadings.read(bytes);
            case DOCX -> DocxStyleHeadings.read(bytes);
            default -> HeadingHints.NONE;
        };
    }

    private static FileMetadata frontMatter(Node root) {
        YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
        root.accept(visitor);
        Map<String, String> values = new HashMap<>();
        visitor.getData().forEach((key, list) -> {
            String value = blankToNull(String.join(", ", list));
            if (value != null) {
                values.put(key.strip().toLowerCase(Locale.ROOT), value);
            }
        });
        return FileMetadata.fromFields(values, FileMetadata.FRONT_MATTER);
    }

    /**
     * Decodes text in whatever encoding it came (UTF-8, UTF-16 with BOM, Windows-1252, ...). Text
     * that is valid UTF-8, nearly all of it today, is taken as such without sniffing.
     */
    private static String decode(byte[] bytes, String name) {
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return checkedText(utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8);
        }
        if (mostlyUtf8(bytes)) {
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file",
                    "the text is UTF-8 with invalid byte sequences in it; save it again as UTF-8");
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        String text;
        try (AutoDetectReader reader = new AutoDetectReader(new ByteArrayInputStream(bytes), metadata)) {
            StringBuilder sb = new StringBuilder(bytes.length);
            char[] buf = new char[8192];
            for (int n; (n = reader.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (TikaException | IOException e) {
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file",
                    "the text's character encoding could not be recognised", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return checkedText(text);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether bytes that are not valid UTF-8 hold more well-formed multi-byte UTF-8 sequences than
     * malformed ones: UTF-8 damaged in places, not text in a one-byte encoding (Windows-1252,
     * Windows-1256), whose letters seldom form a UTF-8 sequence.
     */
    static boolean mostlyUtf8(byte[] bytes) {
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < bytes.length; ) {
            int b = bytes[i] & 0xff;
            int extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
            if (extra == 0) {
                i++;
                continue;
            }
            int n = 0;
            while (extra > 0 && n < extra && i + 1 + n < bytes.length && (bytes[i + 1 + n] & 0xc0) == 0x80) {
                n++;
            }
            if (extra > 0 && n == extra) {
                valid++;
                i += 1 + n;
            } else {
                invalid++;
                i++;
            }
        }
        return valid > invalid;
    }

    /** Refuses "text" that is mostly undecodable or control characters (a binary file named .txt). */
    private static String checkedText(String text) {
        long bad = text.chars().filter(c -> c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')).count();
        if (bad > 0 && bad * 100 > text.length()) {
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file",
                    "the file does not look like text in a known encoding (" + bad + " undecodable or control characters)");
        }
        return text;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private static boolean hasSuffix(String name, Set<String> suffixes) {
        String lower = name.toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(lower::endsWith);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Tika's default mapping, but keeping bold, which minutes use for headings. */
    private static final class StructureHtmlMapper extends DefaultHtmlMapper {
        @Override
        public String mapSafeElement(String name) {
            return switch (name.toUpperCase(Locale.ROOT)) {
                case "B", "STRONG" -> "b";
                default -> super.mapSafeElement(name);
            };
        }
    }
}
