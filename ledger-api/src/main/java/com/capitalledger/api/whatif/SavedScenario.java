package com.capitalledger.api.whatif;

import java.time.Instant;
import java.util.UUID;

/** A saved what-if: its request (not a result), who saved it and when. */
public record SavedScenario(UUID scenarioId, String name, String programId, WhatIfRequest request, String createdBy,
                            Instant createdAt) {
}
