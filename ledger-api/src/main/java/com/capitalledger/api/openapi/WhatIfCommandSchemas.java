package com.capitalledger.api.openapi;

import com.capitalledger.api.web.Shapes;
import com.capitalledger.api.whatif.WhatIfCommandType;
import com.capitalledger.core.rates.api.BaseRateName;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A what-if change's command as the document declares it: one of the command bodies, chosen by its {@code type}
 * ({@link WhatIfCommandType}), each the body of its endpoint with the ids that endpoint's path carries. A generated
 * client builds it from typed models, as it builds the command it posts.
 */
final class WhatIfCommandSchemas {

    static final String COMMAND = "WhatIfCommand";
    private static final String REF = "#/components/schemas/";
    /** Each id an endpoint's path carries: its description and an example. */
    private static final Map<String, List<String>> PATH_IDS = Map.of(
            "investorId", List.of("The investor its endpoint's path names (transfer-commitment: the transferring "
                    + "investor)", "SOFTBANK"),
            "callId", List.of("The capital call its endpoint's path names", "CALL-1"),
            "trancheId", List.of("The tranche its endpoint's path names", "SENIOR-A"),
            "baseRate", List.of("The base rate its endpoint's path names", "SOFR"),
            "eventOfDefaultId", List.of("The event of default its endpoint's path names", "EOD-2027-06-30-DSCR"));

    private WhatIfCommandSchemas() {
    }

    /** Adds {@value #COMMAND} and one schema per command type, and makes ChangeRequest's command refer to it. */
    @SuppressWarnings("rawtypes")
    static void addTo(Map<String, Schema> schemas) {
        ComposedSchema command = new ComposedSchema();
        Discriminator byType = new Discriminator().propertyName("type");
        for (WhatIfCommandType type : WhatIfCommandType.values()) {
            String body = type.body().getSimpleName();
            if (!schemas.containsKey(body)) {
                throw new IllegalStateException("the OpenAPI document has no schema " + body + " for what-if "
                        + "command " + type.wireName());
            }
            ObjectSchema own = new ObjectSchema();
            own.addProperty("type", new StringSchema()._enum(List.of(type.wireName())).description("The command")
                    .example(type.wireName()));
            own.addRequiredItem("type");
            for (String id : type.pathIds()) {
                own.addProperty(id, pathId(id));
                own.addRequiredItem(id);
            }
            String name = name(type);
            schemas.put(name, new ComposedSchema().addAllOfItem(new Schema<>().$ref(REF + body)).addAllOfItem(own)
                    .description(type.wireName() + ": the body of its endpoint (" + body + ")"
                            + (type.pathIds().isEmpty() ? "" : " with " + String.join(" and ", type.pathIds()))
                            + ", and its type"));
            command.addOneOfItem(new Schema<>().$ref(REF + name));
            byType.mapping(type.wireName(), REF + name);
        }
        schemas.put(COMMAND, command.discriminator(byType).description("A command for a what-if to add or put in "
                + "an event's place, as its endpoint takes it, chosen by type"));
        Schema<?> change = schemas.get("ChangeRequest");
        if (change == null || !change.getProperties().containsKey("command")) {
            throw new IllegalStateException("the OpenAPI document has no ChangeRequest.command");
        }
        change.getProperties().put("command", new Schema<>().$ref(REF + COMMAND));
    }

    /** WhatIfCreatePhase for create-phase. */
    private static String name(WhatIfCommandType type) {
        return "WhatIf" + Arrays.stream(type.wireName().split("-"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }

    private static Schema<?> pathId(String id) {
        List<String> described = PATH_IDS.get(id);
        if (described == null) {
            throw new IllegalStateException("what-if path id " + id + " has no declared shape");
        }
        StringSchema schema = new StringSchema();
        if (id.equals("baseRate")) {
            schema._enum(BaseRateName.KNOWN.stream().sorted().toList());
        } else {
            schema.pattern(Shapes.ID).maxLength(64);
        }
        return schema.description(described.get(0)).example(described.get(1));
    }
}
