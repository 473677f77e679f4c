package com.capitalledger.api.journal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Describes the digest's ledger id in the API document: the digest's type lives in ledger-journal, which knows no OpenAPI. */
@Component
class DigestSchema implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Schema<?> digest = api.getComponents().getSchemas().get("Digest");
        digest.getProperties().put("ledgerId", new StringSchema().description("The id of the ledger whose journal this "
                + "digests, created with its database; a verification holds a ledger only to digests naming it. Not "
                + "part of the signed text"));
    }
}
