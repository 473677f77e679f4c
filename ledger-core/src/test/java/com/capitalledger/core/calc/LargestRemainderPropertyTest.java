package com.capitalledger.core.calc;

import com.capitalledger.core.generative.Generative;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the largest-remainder split, on seeded random cases (see {@link Generative}). */
class LargestRemainderPropertyTest {

    private static final int CASES = 1_000;

    /** A split problem: weights in cents up to 10^14 (a trillion dollars), an amount no larger than their sum. */
    record Case(TreeMap<String, BigDecimal> weights, BigDecimal amount) {
    }

    /**
     * Draws a case. One in five is an edge: weights that are all zero but one, weights that are equal, the smallest
     * and the largest amounts (zero, one cent, the whole).
     */
    static Case draw(Random random) {
        TreeMap<String, BigDecimal> weights = new TreeMap<>();
        int size = 1 + random.nextInt(12);
        boolean edge = random.nextInt(5) == 0;
        long equal = 1 + random.nextLong(100_000_000_000_000L);
        for (int i = 0; i < size; i++) {
            String id = id(random);
            long cents = edge && random.nextBoolean() ? (random.nextBoolean() ? 0 : equal)
                    : random.nextLong(100_000_000_000_001L);
            weights.put(id, BigDecimal.valueOf(cents, 2));
        }
        if (weights.values().stream().noneMatch(weight -> weight.signum() > 0)) {
            weights.put(weights.firstKey(), BigDecimal.valueOf(1 + random.nextInt(1_000), 2));
        }
        long total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).movePointRight(2)
                .longValueExact();
        long amount = edge ? switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> Math.min(1, total);
            default -> total;
        } : random.nextLong(total + 1);
        return new Case(weights, BigDecimal.valueOf(amount, 2));
    }

    /** One to three letters A-F: short ids collide, so maps of several sizes come up. */
    private static String id(Random random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0, length = 1 + random.nextInt(3); i < length; i++) {
            id.append((char) ('A' + random.nextInt(6)));
        }
        return id.toString();
    }

    @Test
    void sharesSumExactlyToTheAmount() {
        Generative.forAll(CASES, LargestRemainderPropertyTest::draw, c -> {
            Map<String, BigDecimal> split = LargestRemainder.split(c.amount(), c.weights());

            assertThat(split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(c.amount());
            assertThat(split.keySet()).containsExactlyElementsOf(c.weights().keySet());
            assertThat(split.values()).allSatisfy(share -> assertThat(share.scale()).isEqualTo(2));
        });
    }

    @Test
    void noShareExceedsItsWeight() {
        Generative.forAll(CASES, LargestRemainderPropertyTest::draw, c ->
                LargestRemainder.split(c.amount(), c.weights())
                        .forEach((id, share) -> assertThat(share).isLessThanOrEqualTo(c.weights().get(id))));
    }

    @Test
    void eachShareIsWithinOneCentOfItsExactProRataValue() {
        Generative.forAll(CASES, LargestRemainderPropertyTest::draw, c -> {
            BigDecimal total = c.weights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            LargestRemainder.split(c.amount(), c.weights()).forEach((id, share) -> {
                BigDecimal exact = c.amount().multiply(c.weights().get(id)).divide(total, 10, RoundingMode.HALF_EVEN);
                assertThat(share.subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
            });
        });
    }

    @Test
    void theSameInputAlwaysGivesTheSameSplitWhateverTheMapsOrder() {
        Generative.forAll(CASES, LargestRemainderPropertyTest::draw, c -> {
            TreeMap<String, BigDecimal> reversed = new TreeMap<>(c.weights().descendingMap());
            assertThat(LargestRemainder.split(c.amount(), c.weights()))
                    .isEqualTo(LargestRemainder.split(c.amount(), new TreeMap<>(c.weights())))
                    .isEqualTo(LargestRemainder.split(c.amount(), reversed));
        });
    }

    @Test
    void amongEqualWeightsTheExtraCentsGoToTheLowestIds() {
        for (int investors = 2; investors <= 9; investors++) {
            for (int cents = 0; cents <= 8; cents++) {
                TreeMap<String, BigDecimal> equal = new TreeMap<>();
                for (int i = 0; i < investors; i++) {
                    equal.put("INV-" + i, new BigDecimal("1000.00"));
                }
                int extra = cents % investors;
                BigDecimal amount = BigDecimal.valueOf(investors * 100L + extra, 2);

                Map<String, BigDecimal> split = LargestRemainder.split(amount, equal);

                int i = 0;
                for (BigDecimal share : split.values()) {
                    assertThat(share).as(investors + " investors, " + extra + " extra cents, share " + i)
                            .isEqualByComparingTo(i < extra ? "1.01" : "1.00");
                    i++;
                }
            }
        }
    }
}
