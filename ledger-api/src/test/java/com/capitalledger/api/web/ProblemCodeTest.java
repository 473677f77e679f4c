package com.capitalledger.api.web;

import com.capitalledger.core.shared.RejectionCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The one registry of problem codes: the service's own and the business rejections, none of them twice. */
class ProblemCodeTest {

    @Test
    void everyCodeIsListedOnceWithTheRejectionCodes() {
        assertThat(ProblemCode.all()).doesNotHaveDuplicates()
                .hasSize(ProblemCode.values().length + RejectionCode.values().length)
                .contains("NO_PROGRAM", "COMMITMENT_EXCEEDED", "DATABASE_UNAVAILABLE", "NOT_ACCEPTABLE")
                .isSorted();
        assertThat(Arrays.stream(ProblemCode.values()).map(Enum::name))
                .doesNotContainAnyElementsOf(Arrays.stream(RejectionCode.values()).map(Enum::name).toList());
    }

    @Test
    void anErrorKnownOnlyByItsStatusHasItsStatussCode() {
        assertThat(ProblemCode.forStatus(404)).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(ProblemCode.forStatus(406)).isEqualTo(ProblemCode.NOT_ACCEPTABLE);
        assertThat(ProblemCode.forStatus(415)).isEqualTo(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ProblemCode.forStatus(408)).isEqualTo(ProblemCode.BAD_REQUEST);
        assertThat(ProblemCode.forStatus(500)).isEqualTo(ProblemCode.INTERNAL_ERROR);
        assertThat(ProblemCode.forStatus(502)).isEqualTo(ProblemCode.INTERNAL_ERROR);
        assertThat(ProblemCode.forStatus(503)).isEqualTo(ProblemCode.SERVICE_UNAVAILABLE);
    }
}
