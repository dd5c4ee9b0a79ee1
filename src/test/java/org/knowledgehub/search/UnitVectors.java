package org.knowledgehub.search;

import java.util.Random;

/** Random unit vectors, as sentence embeddings are: the same for the same random source. */
final class UnitVectors {

    private UnitVectors() {
    }

    static float[] random(Random random, int dimensions) {
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
