package com.capitalledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ledger service: HTTP in front, Axon on PostgreSQL behind. */
@SpringBootApplication(scanBasePackages = "com.capitalledger")
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
