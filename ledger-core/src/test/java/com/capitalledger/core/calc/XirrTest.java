package com.capitalledger.core.calc;

import com.capitalledger.core.calc.Xirr.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/**
 * IRRs compared as exact 4-dp strings: against src/test/python/xirr_reference.py (50-digit decimal arithmetic, every
 * root listed in the CSV) and against cases whose answer is known in closed form.
 */
class XirrTest {

    private static Flow flow(String date, String amount) {
        return new Flow(LocalDate.parse(date), new BigDecimal(amount));
    }

    private static Optional<String> irr(Flow... flows) {
        return irr(Arrays.asList(flows));
    }

    private static Optional<String> irr(List<Flow> flows) {
        return Xirr.irrPct(flows).map(BigDecimal::toPlainString);
    }

    private static List<Flow> microsoftExample() {
        return List.of(flow("2008-01-01", "-10000"), flow("2008-03-01", "2750"), flow("2008-10-30", "4250"),
                flow("2009-02-15", "3250"), flow("2009-04-01", "2750"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/xirr_reference.csv", numLinesToSkip = 1)
    void matchesTheHighPrecisionReference(String name, String expected, String flows) {
        List<Flow> parsed = new ArrayList<>();
        for (String cell : flows.split(";")) {
            String[] dateAndAmount = cell.trim().split(" ");
            parsed.add(flow(dateAndAmount[0], dateAndAmount[1]));
        }
        assertThat(irr(parsed)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void microsoftsXirrExampleIs37Point3363() {
        // Excel's XIRR documentation gives 0.373362535.
        assertThat(irr(microsoftExample())).contains("37.3363");
    }

    @Test
    void aYearOfTenPercentIsTenPercent() {
        // 2023-01-01 to 2024-01-01 is 365 days: -100 + 110 / (1 + r) = 0 gives r = 10 %.
        assertThat(irr(flow("2023-01-01", "-100"), flow("2024-01-01", "110"))).contains("10.0000");
    }

    @Test
    void gettingTheMoneyBackIsZeroPercentWithoutASign() {
        assertThat(irr(flow("2023-01-01", "-100"), flow("2025-06-30", "100"))).contains("0.0000");
        // 0.10 + 0.20 = 0.30 exactly, although not in double.
        assertThat(irr(flow("2023-01-01", "-0.10"), flow("2023-02-01", "-0.20"), flow("2024-01-01", "0.30")))
                .contains("0.0000");
    }

    @Test
    void withoutASignChangeThereIsNoRate() {
        assertThat(irr(flow("2023-01-01", "-100"), flow("2024-01-01", "-110"))).isEmpty();
        assertThat(irr(flow("2023-01-01", "100"), flow("2024-01-01", "110"))).isEmpty();
        assertThat(irr(List.of())).isEmpty();
    }

    @Test
    void aSingleFlowHasNoRate() {
        assertThat(irr(flow("2023-01-01", "-100"))).isEmpty();
    }

    @Test
    void flowsAllOnOneDayHaveNoRate() {
        // The NPV does not depend on r: -50 for every rate, or 0 for every rate, so no rate is the answer.
        assertThat(irr(flow("2023-01-01", "-100"), flow("2023-01-01", "50"))).isEmpty();
        assertThat(irr(flow("2023-01-01", "-100"), flow("2023-01-01", "100"))).isEmpty();
    }

    @Test
    void flowsOnOneDayAreNetted() {
        // Day two nets to +50: -100 + 50 / (1 + r) = 0 gives r = -50 %.
        assertThat(irr(flow("2023-01-01", "-100"), flow("2024-01-01", "100"), flow("2024-01-01", "-50")))
                .contains("-50.0000");
    }

    @Test
    void zeroAmountsAreIgnored() {
        assertThat(irr(flow("2023-01-01", "-100"), flow("2024-01-01", "0.00"))).isEmpty();
        // A zero flow before the first real one does not become d0 (it would not move the root either).
        assertThat(irr(flow("2022-06-01", "0"), flow("2023-01-01", "-100"), flow("2024-01-01", "110"),
                flow("2030-01-01", "0.00"))).contains("10.0000");
    }

    @Test
    void theOrderOfTheFlowsDoesNotMatter() {
        List<Flow> reversed = new ArrayList<>(microsoftExample());
        Collections.reverse(reversed);
        assertThat(irr(reversed)).contains("37.3363");
        // The same money split into two flows on its day.
        List<Flow> split = new ArrayList<>(microsoftExample().subList(0, 4));
        split.add(0, flow("2009-04-01", "1000"));
        split.add(flow("2009-04-01", "1750"));
        assertThat(irr(split)).contains("37.3363");
    }

    @Test
    void aRootOnlyBelowMinus100PercentIsNoRate() {
        // Yearly, 365 days apart: times (1 + r)³ the NPV is 1000 (2z³ - z² + z + 1), z = 1 + r, whose only real root is
        // z = -1/2 (r = -150 %): two sign changes, no rate.
        assertThat(irr(flow("2021-01-01", "2000"), flow("2022-01-01", "-1000"), flow("2023-01-01", "1000"),
                flow("2024-01-01", "1000"))).isEmpty();
    }

    @Test
    void aRootJustAboveMinus100PercentIsMinus100Percent() {
        // -1,000,000 + 1 / (1 + r)^(1/365) = 0 gives 1 + r = 10^-2190: the rate rounds to -100.0000.
        assertThat(irr(flow("2023-01-01", "-1000000"), flow("2023-01-02", "1"))).contains("-100.0000");
    }

    @Test
    void aRateTooLargeToStateTo4DecimalsIsNoRate() {
        // Doubling in a day: r = 2^365 - 1.
        assertThat(irr(flow("2023-01-01", "-100"), flow("2023-01-02", "200"))).isEmpty();
        // 10,000,001 times in a year: r = 10^7, 1,000,000,000 %, above the 100,000,000 % that double can state.
        assertThat(irr(flow("2023-01-01", "-1"), flow("2024-01-01", "10000001"))).isEmpty();
        // 50,001 times in a year: r = 50,000, 5,000,000 %, can be stated.
        assertThat(irr(flow("2023-01-01", "-1"), flow("2024-01-01", "50001"))).contains("5000000.0000");
    }

    @Test
    void amountsBeyondDoubleRangeStillHaveARate() {
        assertThat(irr(flow("2023-01-01", "-1E+400"), flow("2024-01-01", "1.1E+400"))).contains("10.0000");
        assertThat(irr(flow("2023-01-01", "-1E-400"), flow("2024-01-01", "1.1E-400"))).contains("10.0000");
    }

    @Test
    void twoThousandInterleavedFlowsSolveFast() {
        // Pair k pays 100 on day 2k and gets 110 on day 2k + 365: 2,000 distinct days whose signs alternate over most
        // of the range, yet the NPV is (a positive sum) × (-100 + 110 / (1 + r)), so the only root is 10 %.
        List<Flow> flows = new ArrayList<>();
        LocalDate start = LocalDate.of(2020, 1, 1);
        for (int k = 0; k < 1000; k++) {
            flows.add(new Flow(start.plusDays(2L * k), new BigDecimal("-100")));
            flows.add(new Flow(start.plusDays(2L * k + 365), new BigDecimal("110")));
        }
        assertThat(assertTimeout(Duration.ofSeconds(2), () -> irr(flows))).contains("10.0000");
    }

    @Test
    void neverThrowsOnFarApartDates() {
        assertThatCode(() -> irr(flow("-999999999-01-01", "-1"), flow("+999999999-12-31", "2")))
                .doesNotThrowAnyException();
        // Over two billion years money only doubles: the rate is 2^(1/2,000,000,000 years) - 1, 0.0000 % to 4 dp.
        assertThat(irr(flow("-999999999-01-01", "-1"), flow("+999999999-12-31", "2"))).contains("0.0000");
    }
}
