package org.knowledgehub.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.store.GraphAccess;
import org.knowledgehub.store.GraphCatalog;
import org.knowledgehub.store.SharedRecords;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: who wrote what, when, into which graphs, and who read items of restricted or
 * confidential graphs, on which channel. Entries are JSON Lines in {@code <data>/audit/audit-YYYY-MM.jsonl}
 * (one file per month, UTC): outside the RDF store, so no SPARQL query reaches them; readable by
 * the service's user only; each written through as it happens, appended, never rewritten. Admins
 * query them with {@code GET /api/audit}.
 *
 * <p>A feature calls it with one line where a write has succeeded or an answer is ready:
 * <pre>
 * audit.recordWrite(caller, "observation.submit", observationIri, List.of(graph), "created");
 * audit.recordWrite(caller, "observation.withdraw", observationIri, List.of(graph));          // outcome "ok"
 * audit.recordRead(caller, "search", AuditTrail.digest(q), hitGraphs);
 * </pre>
 * <ul>
 *   <li>{@code action} names the write as {@code thing.verb} ({@code document.upload},
 *       {@code observation.verify}); reads are recorded with the action {@code read};</li>
 *   <li>{@code channel} (reads) names where the caller read: {@code search}, {@code ask},
 *       {@code linked-data}, {@code sparql}...; writes get {@code api}, {@code page} or
 *       {@code internal} from the request they come in;</li>
 *   <li>{@code target} is what was acted on: an IRI, an id, or for a query a {@link #digest}.
 *       Never a password, token, uploaded content, query text or personal data;</li>
 *   <li>{@code items} are graph names ({@link Node} or IRI) or IRIs of documents and their parts
 *       (passages, sections...) or of research questions; each is recorded as the graph holding it.
 *       A read is recorded only if one of them is restricted or confidential, and lists only those.</li>
 * </ul>
 * A failure to write the trail is logged and does not fail the request.
 * <p>
 * With a remote store, which replicas share, entries go instead to a {@linkplain SharedRecords log in
 * a system graph of that store}, out of every caller's reach: one trail for all replicas.
 */
@Component
public class AuditTrail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final Pattern FILE = Pattern.compile("audit-(\\d{4}-\\d{2})\\.jsonl");
    private static final int MAX_TARGET = 300;

    /** The action of every read entry. */
    public static final String READ = "read";

    /** The system graph of the trail in a shared store. */
    private static final String SHARED_LOG = "audit";

    private final Path folder;
    /** Null: the trail is in the folder. */
    private final SharedRecords shared;
    private final GraphCatalog catalog;
    /** The last visible set {@link #protectedGraphs} was asked about, and its answer. */
    private volatile ProtectedGraphs lastProtected;
    private final Uris uris;
    private final JsonMapper json;
    private final Clock clock;
    private FileChannel file;
    private YearMonth fileMonth;

    /**
     * One line of the trail.
     *
     * @param time         when (ISO-8601 instant, UTC)
     * @param actor        the account name, {@code admin-token}, or {@code anonymous}
     * @param organisation IRI of the actor's organisation, or null
     * @param action       {@code read}, or the write ({@code document.upload}, {@code sign-in}...)
     * @param channel      where it happened (see the class comment)
     * @param target       the IRI, id or query digest acted on
     * @param graphs       the graphs written, or the restricted or confidential graphs read
     * @param outcome      {@code ok}, or what the write did ({@code created}, {@code replaced},
     *                     {@code failure}, {@code throttled}...)
     */
    public record Entry(String time, String actor, String organisation, String action, String channel, String target,
                        List<String> graphs, String outcome) {
    }

    /** What {@code GET /api/audit} asks for; null fields do not filter. {@code to} is exclusive. */
    record Filter(String actor, String action, String graph, Instant from, Instant to, int limit) {
    }

    @Autowired
    AuditTrail(HubProperties hub, SharedRecords records, GraphCatalog catalog, Uris uris, JsonMapper json) {
        this(hub.dataDir().resolve("audit"), records.inStore() ? records : null, catalog, uris, json, Clock.systemUTC());
        if (shared != null) {
            moveFilesIntoStore();
        } else if (records.holds(SHARED_LOG)) {
            moveRecordsIntoFiles(records);
        }
    }

    /**
     * The trail a remote store kept, in the embedded store of a data folder made by {@code bin/kh
     * migrate from}: written to the monthly files (with any entries they hold), then dropped from the store.
     */
    private void moveRecordsIntoFiles(SharedRecords records) {
        int moved = writeMonths(records, folder);
        records.drop(SHARED_LOG);
        log.info("Moved the {} entries of the audit trail the store kept into {}", moved, folder);
    }

    /**
     * The trail of a data folder whose hub now keeps its records in a remote store (after {@code
     * bin/kh migrate to}): its entries appended to the store's log, the folder kept beside, renamed,
     * so a later start does not append them again.
     */
    private void moveFilesIntoStore() {
        List<Path> months = files();
        if (months.isEmpty()) {
            return;
        }
        List<SharedRecords.Entry> entries = new ArrayList<>();
        try {
            for (Path month : months) {
                for (String line : Files.readAllLines(month, StandardCharsets.UTF_8)) {
                    Entry e = parse(line);
                    if (e != null) {
                        entries.add(new SharedRecords.Entry(Instant.parse(e.time()), line));
                    }
                }
            }
            shared.appendAll(SHARED_LOG, entries);
            Path kept = folder.resolveSibling(folder.getFileName() + ".in-store");
            Files.move(folder, kept);
            log.info("Moved the {} entries of the audit trail in {} into the shared store; the folder is now {}", entries.size(), folder, kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the audit trail in " + folder + " into the store", e);
        }
    }

    AuditTrail(Path folder, SharedRecords shared, GraphCatalog catalog, Uris uris, JsonMapper json, Clock clock) {
        this.folder = folder;
        this.shared = shared;
        this.catalog = catalog;
        this.uris = uris;
        this.json = json;
        this.clock = clock;
    }

    /** Records a write that succeeded, with the outcome {@code ok}. */
    public void recordWrite(Caller caller, String action, String target, Collection<?> items) {
        recordWrite(caller, action, target, items, "ok");
    }

    /** Records a write; {@code outcome} says what it did ({@code created}, {@code replaced}, {@code deleted}...). */
    public void recordWrite(Caller caller, String action, String target, Collection<?> items, String outcome) {
        append(caller.name(), caller.organisation(), action, requestChannel(), target, graphsOf(items), outcome);
    }

    /**
     * Records that {@code caller} was given items from {@code items} on {@code channel}, if any of
     * them lies in a restricted or confidential graph; public reads leave no entry.
     */
    public void recordRead(Caller caller, String channel, String target, Collection<?> items) {
        List<String> protectedGraphs = graphsOf(items).stream().filter(g -> isProtected(NodeFactory.createURI(g))).toList();
        if (!protectedGraphs.isEmpty()) {
            append(caller.name(), caller.organisation(), READ, channel, target, protectedGraphs, "ok");
        }
    }

    /**
     * The restricted and confidential graphs among those a caller may see: what a view of the
     * store should watch ({@code KnowledgeStore.view(visible, watched)}) so that
     * {@link #recordRead} can be given the ones a query or page actually read.
     */
    public Set<Node> protectedGraphs(VisibleGraphs visible) {
        // Callers of a kind share one VisibleGraphs until the catalog changes: no need to look
        // every graph up again for each query (a few milliseconds at thousands of documents).
        ProtectedGraphs last = lastProtected;
        if (last != null && last.visible() == visible) {
            return last.graphs();
        }
        Set<Node> graphs = visible.graphs().stream().filter(this::isProtected).collect(Collectors.toUnmodifiableSet());
        lastProtected = new ProtectedGraphs(visible, graphs);
        return graphs;
    }

    private record ProtectedGraphs(VisibleGraphs visible, Set<Node> graphs) {
    }

    /**
     * A stand-in for a query's text: {@code sha256:} and the first 128 bits of its SHA-256, so
     * entries of the same query can be matched without keeping what was asked. With a SPARQL
     * form, {@code "SELECT sha256:..."}.
     */
    public static String digest(String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sign-in by password or identity provider; {@code account} is null when no such account exists. */
    void recordSignIn(String account, Caller caller, String channel, String outcome) {
        Caller who = caller != null ? caller : Caller.ANONYMOUS;
        // An unknown name is not recorded: people type their password into the name field.
        String actor = caller != null ? caller.name() : account != null ? account : Caller.ANONYMOUS.name();
        append(actor, who.organisation(), "sign-in", channel, account, List.of(), outcome);
    }

    /** Entries matching the filter, newest first. */
    List<Entry> find(Filter filter) {
        if (shared != null) {
            return findShared(filter);
        }
        List<Path> files = files();
        Deque<Entry> newestFirst = new ArrayDeque<>();
        for (int i = files.size() - 1; i >= 0 && newestFirst.size() < filter.limit(); i--) {
            Path f = files.get(i);
            if (!monthMayMatch(f, filter)) {
                continue;
            }
            // Keep the newest `limit` matches of this file, oldest first, then put them behind newer files' entries.
            Deque<Entry> matches = new ArrayDeque<>();
            int room = filter.limit() - newestFirst.size();
            try (BufferedReader reader = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Entry e = parse(line);
                    if (e != null && matches(e, filter)) {
                        matches.addLast(e);
                        if (matches.size() > room) {
                            matches.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            while (!matches.isEmpty()) {
                newestFirst.addLast(matches.removeLast());
            }
        }
        return List.copyOf(newestFirst);
    }

    private List<Entry> findShared(Filter filter) {
        List<Entry> found = new ArrayList<>();
        for (int offset = 0; found.size() < filter.limit(); offset += SharedRecords.pageSize()) {
            List<String> page = shared.page(SHARED_LOG, filter.from(), filter.to(), offset);
            page.stream().map(this::parse).filter(e -> e != null && matches(e, filter)).limit(filter.limit() - found.size())
                    .forEach(found::add);
            if (page.size() < SharedRecords.pageSize()) {
                break;
            }
        }
        return List.copyOf(found);
    }

    /** Whether the trail is kept in the shared store rather than in the data folder. */
    public boolean inStore() {
        return shared != null;
    }

    /**
     * Writes the trail kept in the shared store as the data folder's monthly files, into
     * {@code target}: how a backup keeps it.
     */
    public void exportTo(Path target) {
        writeMonths(shared, target);
    }

    /**
     * Writes the log kept in {@code records} as monthly files in {@code target}, each with the
     * entries a file of that month there already holds, oldest first; says how many entries it added.
     */
    private int writeMonths(SharedRecords records, Path target) {
        Map<YearMonth, List<String>> months = new TreeMap<>();
        int added = 0;
        try {
            for (int offset = 0; ; offset += SharedRecords.pageSize()) {
                List<String> page = records.page(SHARED_LOG, null, null, offset);
                for (String line : page) {
                    Entry e = parse(line);
                    if (e != null) {
                        List<String> month = months.computeIfAbsent(YearMonth.from(Instant.parse(e.time()).atZone(ZoneOffset.UTC)),
                                m -> existingLines(target.resolve(fileName(m))));
                        if (!month.contains(line)) {
                            month.add(line);
                            added++;
                        }
                    }
                }
                if (page.size() < SharedRecords.pageSize()) {
                    break;
                }
            }
            Files.createDirectories(target);
            for (Map.Entry<YearMonth, List<String>> month : months.entrySet()) {
                List<String> lines = month.getValue();
                lines.sort(Comparator.comparing(line -> Instant.parse(parse(line).time())));
                OwnerOnlyFiles.write(target.resolve(fileName(month.getKey())), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit trail into " + target, e);
        }
        return added;
    }

    private static String fileName(YearMonth month) {
        return "audit-" + month + ".jsonl";
    }

    /** The entries a month's file holds already (none if there is no file). */
    private List<String> existingLines(Path file) {
        if (!Files.isRegularFile(file)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> parse(l) != null).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trail's files, oldest month first. */
    List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void append(String actor, String organisation, String action, String channel, String target,
                                     List<String> graphs, String outcome) {
        // The time is taken under the lock, so each file is in time order.
        Instant now = clock.instant();
        Entry entry = new Entry(now.toString(), actor, organisation, action, channel, clean(target), graphs, outcome);
        if (shared != null) {
            try {
                shared.append(SHARED_LOG, now, json.writeValueAsString(entry));
            } catch (RuntimeException e) {
                log.error("Could not write to the audit trail in the store: {} (entry: {} {} by {})", e.toString(), action, channel, actor);
            }
            return;
        }
        try {
            YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
            if (!month.equals(fileMonth)) {
                closeFile();
                file = OwnerOnlyFiles.append(folder.resolve(fileName(month)));
                fileMonth = month;
            }
            ByteBuffer line = ByteBuffer.wrap((json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                file.write(line);
            }
        } catch (IOException | RuntimeException e) {
            log.error("Could not write to the audit trail in {}: {} (entry: {} {} by {})", folder, e.toString(), action, channel, actor);
            closeFile();
        }
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                log.warn("Could not close the audit trail file: {}", e.toString());
            }
        }
        file = null;
        fileMonth = null;
    }

    @Override
    public synchronized void destroy() {
        closeFile();
    }

    /** Graph names of the items, sorted, once each. */
    private List<String> graphsOf(Collection<?> items) {
        if (items == null) {
            return List.of();
        }
        Set<String> graphs = new TreeSet<>();
        for (Object item : items) {
            String iri = item instanceof Node n ? (n.isURI() ? n.getURI() : null) : item == null ? null : item.toString();
            if (iri != null && !iri.isBlank()) {
                graphs.add(graphOf(iri));
            }
        }
        return List.copyOf(graphs);
    }

    private String graphOf(String iri) {
        if (iri.startsWith(uris.base() + "graph/")) {
            return iri;
        }
        Optional<String> document = uris.documentIdOf(iri);
        if (document.isPresent()) {
            return uris.documentGraph(document.get()).getURI();
        }
        return uris.questionIdOf(iri).map(id -> uris.questionGraph(id).getURI()).orElse(iri);
    }

    private boolean isProtected(Node graph) {
        return catalog.get(graph).map(this::level).map(level -> level != Sensitivity.PUBLIC).orElse(false);
    }

    /** A graph governed by a document (a question's statements about it) has that document's level. */
    private Sensitivity level(GraphAccess access) {
        if (access.governedBy() == null) {
            return access.sensitivity();
        }
        return catalog.get(access.governedBy()).map(GraphAccess::sensitivity).orElse(Sensitivity.CONFIDENTIAL);
    }

    /** No control characters, a bounded length, and no person's name (persons of minutes are minted from their names). */
    private String clean(String target) {
        if (target == null) {
            return null;
        }
        String t = target.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int person = t.indexOf("/person/");
        if (person >= 0 && uris.documentIdOf(t).isPresent()) {
            t = t.substring(0, person + "/person".length());
        }
        return t.length() > MAX_TARGET ? t.substring(0, MAX_TARGET) + "…" : t;
    }

    /** {@code api} or {@code page} for a request's writes (by its path), {@code internal} outside requests. */
    private static String requestChannel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String path = attributes.getRequest().getRequestURI();
            return path.startsWith("/api/") || path.equals("/sparql") || path.equals("/update") ? "api" : "page";
        }
        return "internal";
    }

    private Entry parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return json.readValue(line, Entry.class);
        } catch (JacksonException e) {
            // A line being appended right now, or damage: not an entry.
            return null;
        }
    }

    private static boolean matches(Entry e, Filter f) {
        if (f.actor() != null && !f.actor().equals(e.actor())) {
            return false;
        }
        if (f.action() != null && !f.action().equals(e.action())) {
            return false;
        }
        if (f.graph() != null && (e.graphs() == null || !e.graphs().contains(f.graph()))) {
            return false;
        }
        if (f.from() != null || f.to() != null) {
            Instant t;
            try {
                t = Instant.parse(e.time());
            } catch (RuntimeException ex) {
                return false;
            }
            return (f.from() == null || !t.isBefore(f.from())) && (f.to() == null || t.isBefore(f.to()));
        }
        return true;
    }

    private static boolean monthMayMatch(Path file, Filter f) {
        var m = FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return false;
        }
        YearMonth month = YearMonth.parse(m.group(1));
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return (f.from() == null || f.from().isBefore(end)) && (f.to() == null || f.to().isAfter(start));
    }
}
