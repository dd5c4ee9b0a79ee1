package org.knowledgehub.trends;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.store.Uris;

/** IRI segments for names of any length: the slug, shortened with a hash of the whole name when long. */
final class Slugs {

    private static final int MAX = 50;

    private Slugs() {
    }

    /** The same name always gives the same segment; long names that share a beginning still differ. */
    static String of(String name) {
        String slug = Uris.slug(name);
        if (slug.length() <= MAX) {
            return slug;
        }
        return slug.substring(0, MAX).replaceAll("-+$", "") + "-" + hash(LabelFolding.fold(name));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
