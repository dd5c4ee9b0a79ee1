package org.knowledgehub.tables;

import java.util.function.Function;

/**
 * One column of a CSV export: its heading, its HXL hashtag (written as the second row when the
 * caller asks for HXL) and how a row gives its value.
 *
 * @param value the cell's value: null for an empty cell, a collection for a list ("; " between items)
 */
public record CsvColumn<T>(String header, String hashtag, Function<T, ?> value) {

    public CsvColumn {
        if (!HxlTag.isHashtag(hashtag)) {
            throw new IllegalArgumentException("not an HXL hashtag: " + hashtag);
        }
    }

    public static <T> CsvColumn<T> of(String header, String hashtag, Function<T, ?> value) {
        return new CsvColumn<>(header, hashtag, value);
    }
}
