package org.knowledgehub.trends;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.knowledgehub.observations.ObservationView;
import org.knowledgehub.observations.Observations;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Geo;
import org.knowledgehub.questions.Question;
import org.knowledgehub.questions.QuestionService;
import org.knowledgehub.search.SearchResponse;
import org.knowledgehub.search.SearchService;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * What the hub knows about one area, as a coordinator preparing a field discussion needs it:
 * indicator values and their last change, the passages that mention the area or one of its
 * districts or localities (with counts by organisation, document type and year), its field
 * observations, the open research questions on it, the parent and child areas and its localities,
 * its names in English, French and Arabic and, for a locality, its coordinates. Everything is
 * limited to what the caller may see.
 */
@Component
class AreaView {

    private static final int PASSAGES = 10;

    private final TrendsService trends;
    private final SearchService search;
    private final QuestionService questions;
    private final AccessPolicy access;
    private final AuditTrail audit;

    private final Observations observations;
    private final Uris uris;
    private final ConceptLabels labels;

    AreaView(TrendsService trends, SearchService search, QuestionService questions, AccessPolicy access,
             Observations observations, AuditTrail audit, Uris uris, ConceptLabels labels) {
        this.labels = labels;
        this.uris = uris;
        this.observations = observations;
        this.audit = audit;
        this.trends = trends;
        this.search = search;
        this.questions = questions;
        this.access = access;
    }

    /**
     * @param organisations organisations active in the area: those whose documents mention it, with the number of
     *                      passages, plus one for each of their field observations listed
     * @param observations  field observations of the area or its districts, most recently observed first
     * @param names         the preferred name by language tag (ar, en, fr)
     * @param localities    the towns and villages of a district, the neighbourhoods of a town
     * @param coordinates   WGS84 latitude and longitude of a locality when a public source gives them, else null
     */
    record Area(TrendViews.AreaRef area, Map<String, String> names, Coordinates coordinates,
                List<TrendViews.AreaRef> parents, List<TrendViews.AreaRef> children, List<TrendViews.AreaRef> localities,
                List<TrendViews.Latest> indicators, long passageCount, List<SearchResponse.Result> passages,
                Map<String, Long> organisations, Map<String, Long> documentTypes, Map<String, Long> years,
                Map<String, String> labels, List<Question> openQuestions, List<ObservationView> observations) {
    }

    record Coordinates(BigDecimal latitude, BigDecimal longitude) {
    }

    Area of(String pcode, Caller caller) {
        TrendViews.AreaRef area = trends.area(pcode);
        List<TrendViews.AreaRef> children = trends.children(area);
        List<TrendViews.AreaRef> localities = trends.localities(area);
        // Lebanon is every passage: its page lists the passages that name the country or any of its areas.
        SearchResponse mentions = search.search(new SearchService.Request(null, null, null, null, null, null,
                area.code(), null, null, null, null, null, String.valueOf(PASSAGES), null, null, "true"), caller);
        // The area's API and its page both come here: the passages they show are read here.
        audit.recordRead(caller, "area", area.iri(), mentions.results().stream().map(SearchResponse.Result::graph).toList());
        Set<String> here = new HashSet<>();
        here.add(area.code());
        children.forEach(c -> here.add(c.code()));
        localities.forEach(c -> here.add(c.code()));
        List<Question> open = questions.list(null, null, "open", null).stream()
                .filter(q -> q.areas().stream().anyMatch(here::contains)).toList();
        List<TrendViews.Latest> indicators = trends.latestIn(area.iri(), access.visibleTo(caller));
        audit.recordRead(caller, "area", area.iri(), indicators.stream().map(l -> l.latest().dataset())
                .map(uris::indicatorGraphOfDataset).flatMap(java.util.Optional::stream).distinct().toList());
        List<ObservationView> observed = observations.list(caller, area.code(), null, null, null, PASSAGES);
        return new Area(area, labels.prefLabels(area.iri()), coordinates(area.iri()), trends.parents(area), children, localities,
                indicators,
                mentions.total(), mentions.results(), organisations(mentions, observed), facet(mentions, "type"),
                facet(mentions, "year"), mentions.labels(), open, observed);
    }

    private Coordinates coordinates(String area) {
        Resource r = labels.resource(area);
        Statement lat = r.getProperty(Geo.lat);
        Statement lon = r.getProperty(Geo.lon);
        return lat == null || lon == null ? null
                : new Coordinates(new BigDecimal(lat.getLiteral().getLexicalForm()), new BigDecimal(lon.getLiteral().getLexicalForm()));
    }

    private static Map<String, Long> organisations(SearchResponse mentions, List<ObservationView> observed) {
        Map<String, Long> out = new LinkedHashMap<>(facet(mentions, "organisation"));
        observed.stream().map(ObservationView::organisation).filter(Objects::nonNull)
                .forEach(o -> out.merge(o.code(), 1L, Long::sum));
        return out;
    }

    private static Map<String, Long> facet(SearchResponse r, String name) {
        return r.facets().getOrDefault(name, Map.of());
    }
}
