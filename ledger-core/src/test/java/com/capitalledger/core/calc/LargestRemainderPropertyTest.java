package com.capitalledger.core.calc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class LargestRemainderPropertyTest {

    /** A split problem: weights in cents up to 10^14 (a trillion dollars), an amount no larger than their sum. */
    record Case(TreeMap<String, BigDecimal> weights, BigDecimal amount) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<TreeMap<String, BigDecimal>> weights = Arbitraries.maps(
                        Arbitraries.strings().withCharRange('A', 'F').ofMinLength(1).ofMaxLength(3),
                        Arbitraries.longs().between(0, 100_000_000_000_000L).map(c -> BigDecimal.valueOf(c, 2)))
                .ofMinSize(1).ofMaxSize(12)
                .map(TreeMap::new)
                .filter(w -> w.values().stream().anyMatch(v -> v.signum() > 0));
        return weights.flatMap(w -> {
            long total = w.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).movePointRight(2).longValueExact();
            return Arbitraries.longs().between(0, total).map(c -> new Case(w, BigDecimal.valueOf(c, 2)));
        });
    }

    @Property
    void sharesSumExactlyToTheAmount(@ForAll("cases") Case c) {
        Map<String, BigDecimal> split = LargestRemainder.split(c.amount(), c.weights());

        assertThat(split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(c.amount());
        assertThat(split.keySet()).containsExactlyElementsOf(c.weights().keySet());
        assertThat(split.values()).allSatisfy(share -> assertThat(share.scale()).isEqualTo(2));
    }

    @Property
    void noShareExceedsItsWeight(@ForAll("cases") Case c) {
        Map<String, BigDecimal> split = LargestRemainder.split(c.amount(), c.weights());

        split.forEach((id, share) -> assertThat(share).isLessThanOrEqualTo(c.weights().get(id)));
    }

    @Property
    void eachShareIsWithinOneCentOfItsExactProRataValue(@ForAll("cases") Case c) {
        BigDecimal total = c.weights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> split = LargestRemainder.split(c.amount(), c.weights());

        split.forEach((id, share) -> {
            BigDecimal exact = c.amount().multiply(c.weights().get(id)).divide(total, 10, RoundingMode.HALF_EVEN);
            assertThat(share.subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        });
    }

    @Property
    void theSameInputAlwaysGivesTheSameSplit(@ForAll("cases") Case c) {
        TreeMap<String, BigDecimal> reversed = new TreeMap<>(c.weights().descendingMap());
        assertThat(LargestRemainder.split(c.amount(), c.weights()))
                .isEqualTo(LargestRemainder.split(c.amount(), new TreeMap<>(c.weights())))
                .isEqualTo(LargestRemainder.split(c.amount(), reversed));
    }

    @Property
    void amongEqualWeightsTheExtraCentsGoToTheLowestIds(@ForAll @IntRange(min = 2, max = 9) int investors,
                                                       @ForAll @IntRange(min = 0, max = 8) int cents) {
        TreeMap<String, BigDecimal> equal = new TreeMap<>();
        for (int i = 0; i < investors; i++) {
            equal.put("INV-" + i, new BigDecimal("1000.00"));
        }
        int extra = cents % investors;
        BigDecimal amount = BigDecimal.valueOf(investors * 100L + extra, 2);

        Map<String, BigDecimal> split = LargestRemainder.split(amount, equal);

        int i = 0;
        for (BigDecimal share : split.values()) {
            assertThat(share).isEqualByComparingTo(i < extra ? "1.01" : "1.00");
            i++;
        }
    }
}
