package com.capitalledger.core.generative;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeded property checks with plain JUnit: a property is checked on cases drawn by a generator, case {@code i} from
 * its own seed ({@code base + i}), so a failure names the one seed that reproduces it. The base seed and the number of
 * cases come from system properties, for a rerun or a longer hunt:
 * {@code -Dledger.generative.seed=20261180 -Dledger.generative.cases=1}, or {@code -Dledger.generative.cases=100000}.
 */
public final class Generative {

    /** The base seed: fixed, so the suite checks the same cases on every run. */
    public static final long SEED = Long.getLong("ledger.generative.seed", 20261128L);

    private Generative() {
    }

    /** How many cases a check runs: its own default, unless {@code ledger.generative.cases} says otherwise. */
    public static int cases(int byDefault) {
        return Integer.getInteger("ledger.generative.cases", byDefault);
    }

    /**
     * Checks {@code property} on {@link #cases(int) cases(count)} cases from {@code generator}.
     *
     * @throws AssertionError naming the failing case and its seed
     */
    public static <C> void forAll(int count, Function<Random, C> generator, Consumer<C> property) {
        for (int i = 0; i < cases(count); i++) {
            long seed = SEED + i;
            C drawn = generator.apply(new Random(seed));
            try {
                property.accept(drawn);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("the property fails for the case drawn from seed " + seed + ": " + drawn
                        + "; check it alone with -Dledger.generative.seed=" + seed + " -Dledger.generative.cases=1",
                        failure);
            }
        }
    }
}
