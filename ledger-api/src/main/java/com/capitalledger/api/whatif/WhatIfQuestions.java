package com.capitalledger.api.whatif;

import com.capitalledger.api.web.InvalidBody.FieldProblem;
import com.capitalledger.api.web.InvalidBody;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.whatif.Change;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a what-if request into the question the analysis answers: the instant, the dates and the changes, each
 * command built and validated exactly as its endpoint would. Everything wrong with a request is reported at once, by
 * field; nothing given is ignored.
 */
@Component
class WhatIfQuestions {

    /** A what-if, ready to run. */
    record Question(Instant knownAt, List<LocalDate> asOf, List<Change> changes) {
    }

    private static final Pattern ID = Pattern.compile(Shapes.ID);

    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    WhatIfQuestions(ObjectMapper json, Validator validator, Clock clock) {
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    Question parse(ProgramId program, WhatIfRequest request) {
        return parse(program, request, "");
    }

    /** @param at where the request sits in the body, for the fields a problem names (such as {@code request.}) */
    Question parse(ProgramId program, WhatIfRequest request, String at) {
        List<FieldProblem> found = new ArrayList<>();
        List<LocalDate> dates = dates(request, found);
        List<Change> changes = new ArrayList<>();
        List<ChangeRequest> requested = request.changes() == null ? List.of() : request.changes();
        for (int i = 0; i < requested.size(); i++) {
            Change change = change(program, requested.get(i), "changes[" + i + "]", found);
            if (change != null) {
                changes.add(change);
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidBody(found.stream().map(problem -> new FieldProblem(at + problem.field(),
                    problem.message())).toList());
        }
        return new Question(request.knownAt() == null ? clock.instant() : request.knownAt(), dates, changes);
    }

    private List<LocalDate> dates(WhatIfRequest request, List<FieldProblem> problems) {
        if (request.asOf() != null && request.schedule() != null) {
            problems.add(new FieldProblem("schedule", "give either asOf or schedule, not both"));
            return List.of();
        }
        if (request.schedule() != null) {
            return schedule(request.schedule(), problems);
        }
        if (request.asOf() == null || request.asOf().isEmpty()) {
            return List.of(LocalDate.now(clock));
        }
        List<LocalDate> dates = request.asOf().stream().distinct().sorted().toList();
        for (int i = 0; i < request.asOf().size(); i++) {
            inRange("asOf[" + i + "]", request.asOf().get(i), problems);
        }
        return dates;
    }

    private static List<LocalDate> schedule(WhatIfRequest.Schedule schedule, List<FieldProblem> problems) {
        inRange("schedule.from", schedule.from(), problems);
        inRange("schedule.to", schedule.to(), problems);
        Period every;
        try {
            every = Period.parse(schedule.every());
        } catch (DateTimeParseException unreadable) {
            problems.add(new FieldProblem("schedule.every", "must be an ISO-8601 period such as P1M"));
            return List.of();
        }
        if (every.isNegative() || every.isZero()) {
            problems.add(new FieldProblem("schedule.every", "must be a positive period such as P1M"));
            return List.of();
        }
        if (schedule.to().isBefore(schedule.from())) {
            problems.add(new FieldProblem("schedule.to", "must not be before schedule.from"));
            return List.of();
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate date = schedule.from().plus(every.multipliedBy(k));
            if (date.isAfter(schedule.to())) {
                return dates;
            }
            if (dates.size() == WhatIfLimits.MAX_DATES) {
                problems.add(new FieldProblem("schedule", "gives more than " + WhatIfLimits.MAX_DATES + " dates"));
                return List.of();
            }
            dates.add(date);
        }
    }

    private static void inRange(String field, LocalDate date, List<FieldProblem> problems) {
        if (date != null && (date.isBefore(WhatIfLimits.EARLIEST) || date.isAfter(WhatIfLimits.LATEST))) {
            problems.add(new FieldProblem(field, "must be between " + WhatIfLimits.EARLIEST + " and "
                    + WhatIfLimits.LATEST));
        }
    }

    private Change change(ProgramId program, ChangeRequest change, String path, List<FieldProblem> problems) {
        int before = problems.size();
        Map<String, Boolean> given = new LinkedHashMap<>();
        given.put("eventId", change.eventId() != null);
        // JSON null reads as a NullNode, not as Java null: either way the command is absent.
        given.put("command", change.command() != null && !change.command().isNull());
        given.put("baseRate", change.baseRate() != null);
        given.put("from", change.from() != null);
        given.put("bps", change.bps() != null);
        given.put("revenuePct", change.revenuePct() != null);
        given.put("operatingCostsPct", change.operatingCostsPct() != null);
        List<String> takes = switch (change.op()) {
            case "add" -> List.of("command");
            case "remove" -> List.of("eventId");
            case "replace" -> List.of("eventId", "command");
            case "scaleCashFlows" -> List.of("from", "revenuePct", "operatingCostsPct");
            default -> List.of("baseRate", "from", "bps");
        };
        // Taken but not required: scaleCashFlows needs one of its two percentages, not both.
        List<String> optional = change.op().equals("scaleCashFlows") ? List.of("revenuePct", "operatingCostsPct")
                : List.of();
        if (change.op().equals("scaleCashFlows") && change.revenuePct() == null
                && change.operatingCostsPct() == null) {
            problems.add(new FieldProblem(path + ".revenuePct", "revenuePct, operatingCostsPct or both are required "
                    + "for op scaleCashFlows"));
        }
        given.forEach((field, present) -> {
            if (takes.contains(field) && !optional.contains(field) && !present) {
                problems.add(new FieldProblem(path + "." + field, "is required for op " + change.op()));
            } else if (!takes.contains(field) && present) {
                problems.add(new FieldProblem(path + "." + field, "is not a field of op " + change.op() + ", which takes "
                        + String.join(", ", takes)));
            }
        });
        if (problems.size() > before) {
            return null;
        }
        return switch (change.op()) {
            case "add" -> {
                LedgerCommand command = command(program, change.command(), path + ".command", problems);
                yield command == null ? null : new Change.Add(command);
            }
            case "remove" -> new Change.Remove(change.eventId());
            case "replace" -> {
                LedgerCommand command = command(program, change.command(), path + ".command", problems);
                yield command == null ? null : new Change.Replace(change.eventId(), command);
            }
            case "scaleCashFlows" -> scale(change, path, problems);
            default -> shift(change, path, problems);
        };
    }

    private static final BigDecimal MINUS_100 = BigDecimal.valueOf(-100);

    /** The change, or null with the problems listed; the percentages' shape is checked by ChangeRequest already. */
    private static Change scale(ChangeRequest change, String path, List<FieldProblem> problems) {
        int before = problems.size();
        inRange(path + ".from", change.from(), problems);
        BigDecimal revenue = pct(change.revenuePct(), path + ".revenuePct", problems);
        BigDecimal costs = pct(change.operatingCostsPct(), path + ".operatingCostsPct", problems);
        return problems.size() > before ? null : new Change.ScaleCashFlows(change.from(), revenue, costs);
    }

    private static BigDecimal pct(String given, String field, List<FieldProblem> problems) {
        if (given == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal pct = new BigDecimal(given);
        if (pct.compareTo(MINUS_100) <= 0) {
            problems.add(new FieldProblem(field, "must be above -100: a cash flow cannot shrink by all of it or more"));
        }
        return pct;
    }

    private static Change shift(ChangeRequest change, String path, List<FieldProblem> problems) {
        int before = problems.size();
        if (!BaseRateName.KNOWN.contains(change.baseRate())) {
            problems.add(new FieldProblem(path + ".baseRate", "must be one of "
                    + BaseRateName.KNOWN.stream().sorted().collect(Collectors.joining(", "))));
        }
        inRange(path + ".from", change.from(), problems);
        if (Math.abs(change.bps()) > WhatIfLimits.MAX_SHIFT_BPS) {
            problems.add(new FieldProblem(path + ".bps", "must be between -" + WhatIfLimits.MAX_SHIFT_BPS + " and "
                    + WhatIfLimits.MAX_SHIFT_BPS));
        }
        return problems.size() > before ? null
                : new Change.ShiftRate(new BaseRateName(change.baseRate()), change.from(), change.bps());
    }

    /** The command as its endpoint would build it, or null with the problems listed. */
    private LedgerCommand command(ProgramId program, JsonNode node, String path, List<FieldProblem> problems) {
        if (!(node instanceof ObjectNode given)) {
            problems.add(new FieldProblem(path, "must be an object with a type and the command's fields"));
            return null;
        }
        ObjectNode body = given.deepCopy();
        JsonNode typeNode = body.remove("type");
        WhatIfCommandType type = typeNode == null || !typeNode.isTextual() ? null
                : WhatIfCommandType.named(typeNode.asText()).orElse(null);
        if (type == null) {
            problems.add(new FieldProblem(path + ".type", "must be one of "
                    + String.join(", ", WhatIfCommandType.wireNames())));
            return null;
        }
        int before = problems.size();
        Map<String, String> ids = new HashMap<>();
        for (String id : type.pathIds()) {
            JsonNode value = body.remove(id);
            if (value == null || !value.isTextual() || !ID.matcher(value.asText()).matches()) {
                problems.add(new FieldProblem(path + "." + id, value == null ? "is required for a " + type.name()
                        .toLowerCase().replace('_', '-') : Shapes.ID_MESSAGE));
            } else {
                ids.put(id, value.asText());
            }
        }
        Object request;
        try {
            request = json.treeToValue(body, type.body());
        } catch (UnrecognizedPropertyException unknown) {
            problems.add(new FieldProblem(path + "." + unknown.getPropertyName(), "is not a field of this command"));
            return null;
        } catch (JsonMappingException unreadable) {
            String field = unreadable.getPath().stream().map(reference -> reference.getFieldName() != null
                    ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining());
            problems.add(new FieldProblem(path + field, "has a value that cannot be read as this field's type"));
            return null;
        } catch (JsonProcessingException unreadable) {
            problems.add(new FieldProblem(path, "cannot be read as this command"));
            return null;
        }
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            problems.add(new FieldProblem(path + "." + violation.getPropertyPath(), violation.getMessage()));
        }
        return problems.size() > before ? null : type.build(program, ids, request);
    }
}
