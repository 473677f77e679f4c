package com.capitalledger.api;

import com.capitalledger.journal.verify.JournalVerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/** The ledger service: HTTP in front, Axon on PostgreSQL behind. */
@SpringBootApplication(scanBasePackages = "com.capitalledger")
public class LedgerApplication {

    static {
        // Axon prints an advertisement for its commercial console at every start; a ledger's log is for its operators.
        System.setProperty("disable-axoniq-console-message", "true");
    }

    /** Starts the service; {@code verify ...} instead checks a journal export offline (see JournalVerifyCommand). */
    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            System.exit(JournalVerifyCommand.run(Arrays.asList(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
