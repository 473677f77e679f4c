package com.capitalledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ledger service: HTTP in front, Axon on PostgreSQL behind. */
@SpringBootApplication(scanBasePackages = "com.capitalledger")
public class LedgerApplication {

    static {
        // Axon prints an advertisement for its commercial console at every start; a ledger's log is for its operators.
        System.setProperty("disable-axoniq-console-message", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
