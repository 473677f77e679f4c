package com.capitalledger.api.whatif;

import com.capitalledger.api.web.Shapes;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/scenarios}: a what-if request to keep under a name. */
public record ScenarioRequest(
        @Schema(description = "The scenario's name, 1-200 characters; one person's names are unique within a program",
                example = "SOFR +200 bp from 2026")
        @NotBlank @Size(max = Shapes.NAME_MAX) String name,
        @Schema(description = "The program it runs on", example = "STARGATE")
        @NotNull @Pattern(regexp = Shapes.ID, message = Shapes.ID_MESSAGE) String programId,
        @Schema(description = "The what-if request, as POST /api/v1/programs/{programId}/what-if takes it, without "
                + "knownAt: a saved scenario always runs against the ledger as it is when run",
                example = "{\"asOf\": [\"2026-12-31\"], \"changes\": [{\"op\": \"shiftRate\", \"baseRate\": \"SOFR\", "
                        + "\"from\": \"2026-01-01\", \"bps\": 200}]}")
        @NotNull @Valid WhatIfRequest request) {
}
