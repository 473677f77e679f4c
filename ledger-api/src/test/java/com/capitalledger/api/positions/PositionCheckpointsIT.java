package com.capitalledger.api.positions;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.projections.equity.EquityMovementTable;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.checkpoint.Foldings;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.positions.PositionCheckpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkpoints on PostgreSQL: a program's equity movements (more than a few checkpoints' worth, some back-dated)
 * folded from checkpoints equal the fold of every row, before and after the rows are deleted and loaded again with
 * other amounts (as a rebuild with a fixed mapping would: new rows, new versions), and after more are added. The rows
 * are written straight into the table under a program no other test has, at global indexes no event reaches, and
 * removed afterwards.
 */
class PositionCheckpointsIT extends IntegrationTest {

    private static final String PROGRAM = "CHECKPOINTS-IT";
    private static final long FIRST_INDEX = 9_000_000_000L;
    private static final CurrencyCode USD = new CurrencyCode("USD");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final Instant RECORDED = Instant.parse("2024-01-01T09:00:00Z");

    @Autowired
    private EquityMovementTable equity;

    @Autowired
    private PositionCheckpoints checkpoints;

    @AfterEach
    void removeTheRows() {
        jdbc.update("DELETE FROM equity_movement WHERE program_id = ?", PROGRAM);
    }

    @Test
    void checkpointsFoldAsEveryRowDoesBeforeAndAfterTheRowsAreWrittenAgain() {
        List<EquityMovement> rows = movements(0, 600, 0);
        equity.facts().insertAll(rows);
        long started = checkpoints.started();
        assertFoldsAsEveryRow();
        assertThat(checkpoints.started()).as("queries that started from a checkpoint").isGreaterThan(started);

        // A rebuild: every row deleted and loaded again, with other amounts. The checkpoints must not be used.
        jdbc.update("DELETE FROM equity_movement WHERE program_id = ?", PROGRAM);
        equity.facts().insertAll(movements(0, 600, 1));
        assertFoldsAsEveryRow();

        // Facts added after the checkpoints.
        equity.facts().insertAll(movements(600, 300, 1));
        assertFoldsAsEveryRow();
    }

    private void assertFoldsAsEveryRow() {
        for (int day : new int[]{-1, 0, 30, 90, 150, 200, 260, 400}) {
            for (Instant knownAt : new Instant[]{RECORDED.plusSeconds(3_600L * 24 * 100), Instant.now()}) {
                Bitemporal at = new Bitemporal(START.plusDays(day), knownAt);
                InvestorPositions folded = checkpoints.fold(equity.facts(), Foldings.investors(USD), PROGRAM, at);
                InvestorPositions all = new InvestorPositions(USD).applyAll(equity.facts().forProgram(PROGRAM, at));
                assertThat(folded.positions()).as(at.toString()).isEqualTo(all.positions());
                assertThat(folded.totals()).as(at.toString()).isEqualTo(all.totals());
            }
        }
    }

    /** Three commitments, then calls of three lines a day, every seventh back-dated by up to 60 days. */
    private static List<EquityMovement> movements(int firstEvent, int events, int extraCents) {
        Random random = new Random(firstEvent + 17L * extraCents);
        List<String> investors = List.of("A", "B", "C");
        List<EquityMovement> rows = new ArrayList<>();
        for (int event = firstEvent; event < firstEvent + events; event++) {
            long index = FIRST_INDEX + event;
            Instant recordedAt = RECORDED.plusSeconds(3_600L * 4 * event);
            for (int line = 0; line < investors.size(); line++) {
                if (event == 0) {
                    rows.add(new EquityMovement(index, line, PROGRAM, investors.get(line),
                            EquityMovement.Kind.COMMITTED, "Investor " + investors.get(line), null,
                            new BigDecimal("1000000000.00"), BigDecimal.ZERO.setScale(2),
                            BigDecimal.ZERO.setScale(2), START, recordedAt));
                } else {
                    int day = event / 2 - (event % 7 == 0 ? random.nextInt(60) : 0);
                    rows.add(new EquityMovement(index, line, PROGRAM, investors.get(line), EquityMovement.Kind.CALLED,
                            null, "C" + event, BigDecimal.ZERO.setScale(2),
                            BigDecimal.valueOf(100_000 + random.nextInt(100_000) + extraCents, 2),
                            BigDecimal.ZERO.setScale(2), START.plusDays(Math.max(0, day)), recordedAt));
                }
            }
        }
        return rows;
    }
}
