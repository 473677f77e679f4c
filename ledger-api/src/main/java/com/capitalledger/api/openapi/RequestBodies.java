package com.capitalledger.api.openapi;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/** The records the service reads request bodies into, nested ones included, by the name of their schema. */
final class RequestBodies {

    private RequestBodies() {
    }

    static Map<String, Class<?>> of(RequestMappingHandlerMapping mappings) {
        Map<String, Class<?>> records = new HashMap<>();
        mappings.getHandlerMethods().values().forEach(handler -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(ResolvableType.forMethodParameter(parameter), records);
                }
            }
        });
        return records;
    }

    private static void collect(ResolvableType type, Map<String, Class<?>> records) {
        for (ResolvableType element : type.getGenerics()) {
            collect(element, records);
        }
        Class<?> raw = type.toClass();
        if (!raw.isRecord() || records.putIfAbsent(raw.getSimpleName(), raw) != null) {
            return;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            collect(ResolvableType.forType(component.getGenericType()), records);
        }
    }
}
