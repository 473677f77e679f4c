package com.capitalledger.core.calc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LargestRemainderTest {

    private static TreeMap<String, BigDecimal> weights(Object... idAndWeight) {
        TreeMap<String, BigDecimal> weights = new TreeMap<>();
        for (int i = 0; i < idAndWeight.length; i += 2) {
            weights.put((String) idAndWeight[i], new BigDecimal((String) idAndWeight[i + 1]));
        }
        return weights;
    }

    @Test
    void aCentThatCannotBeSplitEvenlyGoesToTheLargestRemainder() {
        // 100.00 over 1 : 2 is 3,333.33... : 6,666.66... cents; floors 3,333 + 6,666 = 9,999, remainders 1/3 and 2/3.
        Map<String, BigDecimal> split = LargestRemainder.split(new BigDecimal("100.00"), weights("A", "1.00", "B", "2.00"));

        assertThat(split).containsExactly(Map.entry("A", new BigDecimal("33.33")), Map.entry("B", new BigDecimal("66.67")));
    }

    @Test
    void equalRemaindersGoToTheLowerIdFirst() {
        // 0.02 over three equal weights: floors are 0, remainders all 2/3; the two cents go to A and B.
        Map<String, BigDecimal> split = LargestRemainder.split(new BigDecimal("0.02"),
                weights("C", "5.00", "A", "5.00", "B", "5.00"));

        assertThat(split).containsExactly(Map.entry("A", new BigDecimal("0.01")), Map.entry("B", new BigDecimal("0.01")),
                Map.entry("C", new BigDecimal("0.00")));
    }

    @Test
    void tiesAreBrokenByStringOrderNotByNumericOrder() {
        // "INV-10" sorts before "INV-9" as a String, so it receives the single extra cent.
        Map<String, BigDecimal> split = LargestRemainder.split(new BigDecimal("0.01"),
                weights("INV-9", "1.00", "INV-10", "1.00"));

        assertThat(split.get("INV-10")).isEqualByComparingTo("0.01");
        assertThat(split.get("INV-9")).isEqualByComparingTo("0.00");
    }

    @Test
    void stargateSizedAmountsStayExactBeyondTheRangeOfLong() {
        // 49,999,999,999.99 × 19,000,000,000.00 in cents is about 9.5e24, far beyond Long.MAX_VALUE (9.2e18).
        Map<String, BigDecimal> split = LargestRemainder.split(new BigDecimal("49999999999.99"),
                weights("MGX", "5000000000.00", "OPENAI", "19000000000.00", "ORACLE", "7000000000.00",
                        "SOFTBANK", "19000000000.00"));

        // Exact shares: MGX 4,999,999,999.999, OPENAI 18,999,999,999.9962, ORACLE 6,999,999,999.9986,
        // SOFTBANK 18,999,999,999.9962 (in dollars). Floors leave 3 cents: remainders .9, .62, .86, .62 cents order
        // MGX, ORACLE, then OPENAI before SOFTBANK on the tie.
        assertThat(split).containsExactly(
                Map.entry("MGX", new BigDecimal("5000000000.00")),
                Map.entry("OPENAI", new BigDecimal("19000000000.00")),
                Map.entry("ORACLE", new BigDecimal("7000000000.00")),
                Map.entry("SOFTBANK", new BigDecimal("18999999999.99")));
    }

    @Test
    void aZeroWeightGetsNothing() {
        Map<String, BigDecimal> split = LargestRemainder.split(new BigDecimal("10.00"), weights("A", "0.00", "B", "3.00"));

        assertThat(split).containsExactly(Map.entry("A", new BigDecimal("0.00")), Map.entry("B", new BigDecimal("10.00")));
    }

    @Test
    void weightsThatSumToZeroCannotBeSplitOver() {
        assertThatThrownBy(() -> LargestRemainder.split(new BigDecimal("1.00"), weights("A", "0.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to zero");
    }
}
