package org.knowledgehub.ontology;

/** IRIs of the SKOS concept schemes in {@code ontology/}, relative to the hub's base. */
public final class Schemes {

    private Schemes() {
    }

    public static String organisations(String base) {
        return base + "id/scheme/organisations";
    }

    public static String areas(String base) {
        return base + "id/scheme/areas";
    }

    public static String sectors(String base) {
        return base + "id/scheme/sectors";
    }

    public static String populations(String base) {
        return base + "id/scheme/populations";
    }

    public static String indicators(String base) {
        return base + "id/scheme/indicators";
    }

    public static String topics(String base) {
        return base + "id/scheme/topics";
    }
}
