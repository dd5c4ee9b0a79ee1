package org.knowledgehub.tables;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The columns of an HXL-tagged table: the first row made only of hashtags (within the first rows;
 * the rows above it are human headings) tags the columns below it.
 *
 * @param row  index in the table's rows of the hashtag row
 * @param tags each column's tag, {@link HxlTag#NONE} for an untagged one
 */
public record HxlColumns(int row, List<HxlTag> tags) {

    private static final int SEARCH_ROWS = 25;

    public HxlColumns {
        tags = List.copyOf(tags);
    }

    /** The hashtag row of a table and its tags, if the table has one. */
    public static Optional<HxlColumns> of(List<CsvText.Row> rows) {
        for (int i = 0; i < Math.min(rows.size(), SEARCH_ROWS); i++) {
            List<String> cells = rows.get(i).cells().stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
            if (cells.size() >= 2 && cells.stream().allMatch(HxlTag::isHashtag)) {
                return Optional.of(new HxlColumns(i, rows.get(i).cells().stream().map(HxlTag::parse).toList()));
            }
        }
        return Optional.empty();
    }

    /** The first column of the first preference some column meets, or -1 when none does. */
    @SafeVarargs
    public final int first(Predicate<HxlTag>... preferences) {
        for (Predicate<HxlTag> preference : preferences) {
            for (int i = 0; i < tags.size(); i++) {
                if (preference.test(tags.get(i))) {
                    return i;
                }
            }
        }
        return -1;
    }
}
