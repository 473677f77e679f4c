package com.capitalledger.api.security;

/**
 * What a user may do. Segregation of duties: no one both operates the service and moves money, so a user (or token)
 * holding {@link #ADMIN} and {@link #TREASURY} together is refused; an {@link #INVESTOR} is an outside party, so it
 * holds no other role.
 */
public enum Role {
    /** Posts business commands; reads positions. */
    TREASURY,
    /** Reads positions and the audit trail; verifies the journal (consistency check). */
    COMPLIANCE,
    /** Reads positions; runs what-if analyses. */
    ANALYST,
    /** Operates the service: read-model status and rebuilds, consistency checks, metrics; reads. No business command. */
    ADMIN,
    /** An outside party bound to one investor id: reads that investor's own statements and notices, nothing else. */
    INVESTOR;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
