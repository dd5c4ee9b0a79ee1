package org.knowledgehub.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.knowledgehub.store.Uris;

/**
 * Document ids: a readable slug of the source name plus a short hash of the whole name, so the
 * same source always maps to the same document and two sources never share one.
 */
public final class DocumentIds {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}-[0-9a-f]{8}");

    private DocumentIds() {
    }

    public static String forSource(String sourceName) {
        String base = sourceName.substring(sourceName.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        return Uris.slug(stem) + "-" + sha256(sourceName).substring(0, 8);
    }

    /** Whether a string can be a document id (checked before it reaches any store lookup). */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}
