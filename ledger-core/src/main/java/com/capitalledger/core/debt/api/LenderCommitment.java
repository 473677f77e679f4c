package com.capitalledger.core.debt.api;

import java.math.BigDecimal;

/** A lender's part of a tranche's commitment, as a command proposes it. */
public record LenderCommitment(LenderId lenderId, String name, BigDecimal commitment) {
}
