package org.knowledgehub.tables;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column's HXL hashtag: {@code #adm1+code} is tag {@code adm1} with attribute {@code code}.
 * Case and the order of attributes do not matter; HXL 1.0 forms such as {@code #adm1_id} count as
 * {@code +code}.
 *
 * @param name       the tag without its {@code #}, in lower case; "" for an untagged column
 * @param attributes the attributes without their {@code +}, in lower case
 */
public record HxlTag(String name, Set<String> attributes) {

    private static final Pattern HASHTAG = Pattern.compile("#[A-Za-z][A-Za-z0-9_]*(\\s*\\+\\s*[A-Za-z][A-Za-z0-9_]*)*");

    /** The tag of a column that has none. */
    public static final HxlTag NONE = new HxlTag("", Set.of());

    public HxlTag {
        attributes = Set.copyOf(attributes);
    }

    /** Whether a cell holds a hashtag with its attributes ({@code #org+name}, {@code #adm1 +code}). */
    public static boolean isHashtag(String text) {
        return text != null && HASHTAG.matcher(text.strip()).matches();
    }

    /** The tag a cell holds, or {@link #NONE} when it holds none. */
    public static HxlTag parse(String text) {
        if (!isHashtag(text)) {
            return NONE;
        }
        String[] parts = text.strip().substring(1).toLowerCase(Locale.ROOT).split("\\s*\\+\\s*");
        String name = parts[0];
        Set<String> attributes = new HashSet<>(List.of(parts).subList(1, parts.length));
        if (name.endsWith("_id")) {
            name = name.substring(0, name.length() - 3);
            attributes.add("code");
        }
        return new HxlTag(name, attributes);
    }

    /** Whether this is the tag with (at least) these attributes. */
    public boolean is(String tag, String... attributes) {
        return name.equals(tag) && this.attributes.containsAll(List.of(attributes));
    }

    /** Whether this tag is what a pattern such as {@code #adm1+code} asks for: the same tag with at least its attributes. */
    public boolean matches(HxlTag pattern) {
        return name.equals(pattern.name) && attributes.containsAll(pattern.attributes);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? "" : "#" + name + attributes.stream().sorted().map(a -> "+" + a).reduce("", String::concat);
    }
}
