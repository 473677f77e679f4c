package com.capitalledger.api.audit;

import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.projections.audit.AuditFilter.Cursor;
import com.capitalledger.projections.fold.audit.AuditEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** The opaque page cursor: the recording instant, position and entry id of a page's last entry, URL-safe Base64. */
final class AuditCursor {

    private AuditCursor() {
    }

    static String encode(AuditEntry last) {
        String raw = last.recordedAt() + "|" + (last.position() == null ? -1 : last.position()) + "|" + last.entryId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length != 3 || parts[2].length() > 64) {
                throw new IllegalArgumentException("malformed");
            }
            return new Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            throw new InvalidParameter("cursor", "is not a cursor this service issued");
        }
    }
}
