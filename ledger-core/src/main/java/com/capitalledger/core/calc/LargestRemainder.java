package com.capitalledger.core.calc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
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
        BigInteger weightSum = BigInteger.ZERO;
        for (BigDecimal weight : weights.values()) {
            BigInteger w = cents(weight);
            if (w.signum() < 0) {
                throw new IllegalArgumentException("negative weight: " + weight.toPlainString());
            }
            weightSum = weightSum.add(w);
        }
        if (weightSum.signum() == 0) {
            throw new IllegalArgumentException("cannot split " + amount.toPlainString() + " over weights that sum to zero");
        }

        record Share<K>(K key, BigInteger floor, BigInteger remainder) {
        }
        List<Share<K>> shares = new ArrayList<>(weights.size());
        BigInteger allocated = BigInteger.ZERO;
        for (Map.Entry<K, BigDecimal> entry : weights.entrySet()) {
            BigInteger[] quotient = total.multiply(cents(entry.getValue())).divideAndRemainder(weightSum);
            shares.add(new Share<>(entry.getKey(), quotient[0], quotient[1]));
            allocated = allocated.add(quotient[0]);
        }
        int leftOver = total.subtract(allocated).intValueExact();

        List<Share<K>> byRemainder = new ArrayList<>(shares);
        byRemainder.sort(Comparator.<Share<K>, BigInteger>comparing(Share::remainder).reversed()
                .thenComparing(Share::key));
        Map<K, BigInteger> extra = new LinkedHashMap<>();
        for (int i = 0; i < leftOver; i++) {
            extra.put(byRemainder.get(i).key(), BigInteger.ONE);
        }

        Map<K, BigDecimal> result = new LinkedHashMap<>();
        for (Share<K> share : shares) {
            BigInteger c = share.floor().add(extra.getOrDefault(share.key(), BigInteger.ZERO));
            result.put(share.key(), new BigDecimal(c, 2));
        }
        return result;
    }

    private static BigInteger cents(BigDecimal amount) {
        return amount.movePointRight(2).toBigIntegerExact();
    }
}
