package com.capitalledger.core.calc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Splits an amount pro rata to weights in whole cents by the largest-remainder method: each share is first
 * floor(A·wᵢ/W) cents; the cents left over go one each to the largest remainders, ties to the lower key. The shares
 * always sum exactly to the amount. Arithmetic is on whole cents as {@link BigInteger}: A·wᵢ overflows a long.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param amount  the amount to split, two decimals, at least zero
     * @param weights each key's weight (two decimals, at least zero), at least one of them positive
     * @return each key's share, two decimals, in key order
     */
    public static <K extends Comparable<K>> Map<K, BigDecimal> split(BigDecimal amount, SortedMap<K, BigDecimal> weights) {
        BigInteger total = cents(amount);
        if (total.signum() < 0) {
            throw new IllegalArgumentException("cannot split a negative amount: " + amount.toPlainString());
        }
        int n = weights.size();
        List<K> keys = new ArrayList<>(weights.keySet());
        BigInteger[] weight = new BigInteger[n];
        BigInteger weightSum = BigInteger.ZERO;
        int i = 0;
        for (BigDecimal value : weights.values()) {
            weight[i] = cents(value);
            if (weight[i].signum() < 0) {
                throw new IllegalArgumentException("negative weight: " + value.toPlainString());
            }
            weightSum = weightSum.add(weight[i++]);
        }
        if (weightSum.signum() == 0) {
            throw new IllegalArgumentException("cannot split " + amount.toPlainString() + " over weights that sum to zero");
        }

        BigInteger[] floor = new BigInteger[n];
        BigInteger[] remainder = new BigInteger[n];
        BigInteger allocated = BigInteger.ZERO;
        for (i = 0; i < n; i++) {
            BigInteger[] quotient = total.multiply(weight[i]).divideAndRemainder(weightSum);
            floor[i] = quotient[0];
            remainder[i] = quotient[1];
            allocated = allocated.add(floor[i]);
        }
        int leftOver = total.subtract(allocated).intValueExact();
        if (leftOver > 0) {
            // The largest remainders get a cent each, ties to the lower key (whatever order the map keeps its keys in).
            Integer[] byRemainder = new Integer[n];
            for (i = 0; i < n; i++) {
                byRemainder[i] = i;
            }
            Arrays.sort(byRemainder, (a, b) -> {
                int larger = remainder[b].compareTo(remainder[a]);
                return larger != 0 ? larger : keys.get(a).compareTo(keys.get(b));
            });
            for (int cent = 0; cent < leftOver; cent++) {
                floor[byRemainder[cent]] = floor[byRemainder[cent]].add(BigInteger.ONE);
            }
        }
        Map<K, BigDecimal> result = new LinkedHashMap<>(n * 2);
        for (i = 0; i < n; i++) {
            result.put(keys.get(i), new BigDecimal(floor[i], 2));
        }
        return result;
    }

    private static BigInteger cents(BigDecimal amount) {
        return amount.movePointRight(2).toBigIntegerExact();
    }
}
