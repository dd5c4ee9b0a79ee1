package org.knowledgehub.trends;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.knowledgehub.tables.CsvColumn;

/**
 * Trend series and comparisons as CSV: one row per year of a series (its headline value; other
 * editions stay in the JSON), one row per area compared. An area's P-code and name go to the
 * columns of its level: Lebanon's to #country, a governorate's to #adm1, a district's to #adm2.
 */
final class TrendCsv {

    private TrendCsv() {
    }

    /** A year of one series. */
    record SeriesPoint(TrendViews.Trend trend, TrendViews.Series series, TrendViews.Point point) {
    }

    /** An area compared (or Lebanon, as the comparison gives it beside them). */
    record ComparedArea(TrendViews.Comparison comparison, TrendViews.Ranked ranked) {
    }

    static List<SeriesPoint> rows(TrendViews.Trend trend) {
        return trend.series().stream().flatMap(s -> s.points().stream().map(p -> new SeriesPoint(trend, s, p))).toList();
    }

    static List<ComparedArea> rows(TrendViews.Comparison comparison) {
        List<TrendViews.Ranked> all = comparison.national() == null ? comparison.areas()
                : Stream.concat(comparison.areas().stream(), Stream.of(comparison.national())).toList();
        return all.stream().map(r -> new ComparedArea(comparison, r)).toList();
    }

    static final List<CsvColumn<SeriesPoint>> SERIES = List.of(
            CsvColumn.of("series", "#meta+role", r -> r.series().role()),
            area("country code", "#country+code", 0, r -> r.series().area(), TrendViews.AreaRef::code),
            area("country", "#country+name", 0, r -> r.series().area(), TrendViews.AreaRef::label),
            area("governorate code", "#adm1+code", 1, r -> r.series().area(), TrendViews.AreaRef::code),
            area("governorate", "#adm1+name", 1, r -> r.series().area(), TrendViews.AreaRef::label),
            area("district code", "#adm2+code", 2, r -> r.series().area(), TrendViews.AreaRef::code),
            area("district", "#adm2+name", 2, r -> r.series().area(), TrendViews.AreaRef::label),
            CsvColumn.of("indicator code", "#indicator+code", r -> r.trend().indicator().code()),
            CsvColumn.of("indicator", "#indicator+name", r -> r.trend().indicator().label()),
            CsvColumn.of("population group", "#population+type", r -> r.series().population() == null ? null
                    : r.series().population().label()),
            CsvColumn.of("year", "#date+year", r -> r.point().year()),
            CsvColumn.of("value", "#indicator+num", r -> r.point().value()),
            CsvColumn.of("unit", "#indicator+unit", r -> r.point().unit()),
            CsvColumn.of("change", "#indicator+change+num", r -> r.point().change()),
            CsvColumn.of("previous year", "#date+previous", r -> r.point().previousYear()),
            CsvColumn.of("source", "#meta+source", r -> r.point().source()),
            CsvColumn.of("dataset", "#meta+url", r -> r.point().dataset()));

    static final List<CsvColumn<ComparedArea>> COMPARISON = List.of(
            CsvColumn.of("rank", "#meta+rank", r -> r.ranked().rank()),
            area("country code", "#country+code", 0, r -> r.ranked().area(), TrendViews.AreaRef::code),
            area("country", "#country+name", 0, r -> r.ranked().area(), TrendViews.AreaRef::label),
            area("governorate code", "#adm1+code", 1, r -> r.ranked().area(), TrendViews.AreaRef::code),
            area("governorate", "#adm1+name", 1, r -> r.ranked().area(), TrendViews.AreaRef::label),
            area("district code", "#adm2+code", 2, r -> r.ranked().area(), TrendViews.AreaRef::code),
            area("district", "#adm2+name", 2, r -> r.ranked().area(), TrendViews.AreaRef::label),
            CsvColumn.of("indicator code", "#indicator+code", r -> r.comparison().indicator().code()),
            CsvColumn.of("indicator", "#indicator+name", r -> r.comparison().indicator().label()),
            CsvColumn.of("population group", "#population+type", r -> r.comparison().population() == null ? null
                    : r.comparison().population().label()),
            CsvColumn.of("year", "#date+year", r -> r.comparison().year()),
            CsvColumn.of("value", "#indicator+num", r -> r.ranked().value()),
            CsvColumn.of("unit", "#indicator+unit", r -> r.ranked().unit()),
            CsvColumn.of("previous year", "#date+previous", r -> r.ranked().previousYear()),
            CsvColumn.of("previous value", "#indicator+previous+num", r -> r.ranked().previousValue()),
            CsvColumn.of("change", "#indicator+change+num", r -> r.ranked().change()),
            CsvColumn.of("source", "#meta+source", r -> r.ranked().source()),
            CsvColumn.of("dataset", "#meta+url", r -> r.ranked().dataset()));

    /** A column of the area's code or name, filled only for an area of {@code level}. */
    private static <T> CsvColumn<T> area(String header, String hashtag, int level, Function<T, TrendViews.AreaRef> area,
                                         Function<TrendViews.AreaRef, String> value) {
        return CsvColumn.of(header, hashtag, r -> {
            TrendViews.AreaRef a = area.apply(r);
            return a != null && a.level() == level ? value.apply(a) : null;
        });
    }
}
