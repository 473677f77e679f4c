package com.capitalledger.api.config;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;

/** Events as the service stores them (its own serializer), for tests outside this package that read stored payloads. */
public final class StoredPayloads {

    private static final Serializer SERIALIZER =
            new AxonStorageConfiguration().serializer(new AnnotationRevisionResolver());

    private StoredPayloads() {
    }

    /** The stored JSON payload of an event. */
    public static byte[] of(Object event) {
        return SERIALIZER.serialize(event, byte[].class).getData();
    }
}
