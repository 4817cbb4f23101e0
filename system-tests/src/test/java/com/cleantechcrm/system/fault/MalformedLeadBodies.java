package com.cleantechcrm.system.fault;

import com.cleantechcrm.system.ApiClient;
import com.cleantechcrm.system.Leads;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates {@code POST /leads} bodies that each break the contract at least once: a valid lead, often with unusual
 * but valid text, then one to three defects. Every defect alone makes the body invalid, and no later defect can undo
 * an earlier one, so no generated body may be stored.
 */
final class MalformedLeadBodies {

    /** A body and the defects it was built with, which jqwik reports for a failing body. */
    record Body(List<String> defects, String json) {

        @Override
        public String toString() {
            String shown = json.length() > 400 ? json.substring(0, 400) + "... (" + json.length() + " chars)" : json;
            return defects + " " + shown;
        }
    }

    /** One change to the lead before it is written as JSON, or to its JSON text afterwards. */
    private record Defect(String name, UnaryOperator<Map<String, Object>> onFields, UnaryOperator<String> onText) {

        static Defect fields(String name, UnaryOperator<Map<String, Object>> change) {
            return new Defect(name, change, UnaryOperator.identity());
        }

        static Defect text(String name, UnaryOperator<String> change) {
            return new Defect(name, UnaryOperator.identity(), change);
        }
    }

    /** Replaced by a JSON escape of a lone UTF-16 surrogate once the body is text. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";

    private static final String TRUNCATED = "truncated";

    private static final List<String> REQUIRED_FIELDS = List.of(
            "name",
            "email",
            "company",
            "organization_type",
            "sustainability_score",
            "regulatory_compliance",
            "procurement_cycle",
            "regulatory_compliance.status",
            "procurement_cycle.estimated_duration",
            "procurement_cycle.stage");

    private static final List<String> TEXT_FIELDS =
            List.of("name", "email", "company", "procurement_cycle.stage", "regulatory_compliance.requirements[0]");

    private MalformedLeadBodies() {}

    static Arbitrary<Body> bodies() {
        return Combinators.combine(validLeads(), defects().list().ofMinSize(1).ofMaxSize(3))
                .as(MalformedLeadBodies::build);
    }

    private static Body build(Map<String, Object> lead, List<Defect> defects) {
        Map<String, Object> fields = lead;
        for (Defect defect : defects) {
            fields = defect.onFields().apply(fields);
        }
        String json = ApiClient.json(fields).replace(LONE_SURROGATE, "\\ud83d");
        // Truncation goes first, because cutting off exactly the trailing content another defect added would undo it.
        List<Defect> textFirst = new ArrayList<>(defects);
        textFirst.sort(Comparator.comparing(defect -> !defect.name().startsWith(TRUNCATED)));
        for (Defect defect : textFirst) {
            json = defect.onText().apply(json);
        }
        return new Body(defects.stream().map(Defect::name).toList(), json);
    }

    /** Valid leads whose name and company are often unusual text: right-to-left scripts, emoji, combining marks. */
    private static Arbitrary<Map<String, Object>> validLeads() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.of("Zoë Παπαδοπούλου", "شركة الطاقة الشمسية", "חברת אנרגיה", "太陽光発電株式会社", "🌞 Solar ⚡ Co"),
                Arbitraries.strings()
                        .withCharRange('\u0590', '\u06ff')
                        .ofMinLength(1)
                        .ofMaxLength(60),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(200));
        return Combinators.combine(text, text).as((name, company) -> {
            Map<String, Object> lead = Leads.valid();
            lead.put("name", name);
            lead.put("company", company);
            return lead;
        });
    }

    private static Arbitrary<Defect> defects() {
        return Arbitraries.oneOf(
                missingField(),
                nullField(),
                wrongType(),
                unknownField(),
                tooLongText(),
                brokenText(),
                numberOutOfRange(),
                unknownEnumValue(),
                invalidEmail(),
                duplicateKey(),
                deepNesting(),
                truncated(),
                notAnObject(),
                trailingContent());
    }

    private static Arbitrary<Defect> missingField() {
        return Arbitraries.of(REQUIRED_FIELDS)
                .map(field -> Defect.fields("missing " + field, lead -> remove(lead, field)));
    }

    private static Arbitrary<Defect> nullField() {
        return Arbitraries.of(REQUIRED_FIELDS)
                .map(field -> Defect.fields("null " + field, lead -> put(lead, field, null)));
    }

    private static Arbitrary<Defect> wrongType() {
        Arbitrary<Object> notText = Arbitraries.of(42, true, List.of("a"), Map.of("a", 1), -1.5);
        Arbitrary<Object> notNumber = Arbitraries.of("abc", "", true, List.of(1), Map.of("value", 1), "12abc");
        Arbitrary<Object> notObject = Arbitraries.of("pending", 7, true, List.of(Map.of("status", "pending")));
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("name", "email", "company", "organization_type"), notText)
                        .as((field, value) -> typeDefect(field, value)),
                Combinators.combine(
                                Arbitraries.of(
                                        "sustainability_score", "procurement_cycle.estimated_duration", "deal_value"),
                                notNumber)
                        .as((field, value) -> typeDefect(field, value)),
                Combinators.combine(Arbitraries.of("regulatory_compliance", "procurement_cycle", "source"), notObject)
                        .as((field, value) -> typeDefect(field, value)),
                Arbitraries.of(7, "EIA", Map.of("a", "b"))
                        .map(value -> typeDefect("regulatory_compliance.requirements", value)));
    }

    private static Defect typeDefect(String field, Object value) {
        return Defect.fields("wrong type " + field + "=" + value, lead -> put(lead, field, value));
    }

    private static Arbitrary<Defect> unknownField() {
        return Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.of("nickname", "Name", "email ", "organizationType", "id", "version"),
                                Arbitraries.strings()
                                        .ofMinLength(1)
                                        .ofMaxLength(30)
                                        .map(name -> "x_" + name)),
                        Arbitraries.of("value", 1, true, List.of(), Map.of()))
                .as((field, value) -> Defect.fields("unknown field " + field, lead -> put(lead, field, value)));
    }

    private static Arbitrary<Defect> tooLongText() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.integers().between(255, 2_000)),
                Tuple.of(8, Arbitraries.integers().between(2_000, 200_000)),
                Tuple.of(1, Arbitraries.just(1_100_000)));
        return Combinators.combine(
                        Arbitraries.of("name", "email", "company", "procurement_cycle.stage"),
                        lengths,
                        Arbitraries.of("a", "é", "😀", "ש"))
                .as((field, length, unit) -> Defect.fields(
                        "too long " + field + " (" + length + " x " + unit + ")",
                        lead -> put(lead, field, unit.repeat(length))));
    }

    private static Arbitrary<Defect> brokenText() {
        Arbitrary<String> broken = Arbitraries.of(
                "a\u0000b",
                "\u0000",
                "line\u0007bell",
                "esc\u001b[31m",
                "del\u007f",
                "a" + LONE_SURROGATE + "b",
                LONE_SURROGATE);
        return Combinators.combine(Arbitraries.of(TEXT_FIELDS), broken)
                .as((field, value) -> Defect.fields("broken text in " + field, lead -> put(lead, field, value)));
    }

    private static Arbitrary<Defect> numberOutOfRange() {
        return Arbitraries.of(
                        List.<Object>of("sustainability_score", -1),
                        List.<Object>of("sustainability_score", 101),
                        List.<Object>of("sustainability_score", 50.5),
                        List.<Object>of("sustainability_score", 2_147_483_648L),
                        List.<Object>of("sustainability_score", new BigDecimal("1e400")),
                        List.<Object>of("procurement_cycle.estimated_duration", 0),
                        List.<Object>of("procurement_cycle.estimated_duration", 3651),
                        List.<Object>of("procurement_cycle.estimated_duration", new BigDecimal("99999999999999999999")),
                        List.<Object>of("deal_value", new BigDecimal("-0.01")),
                        List.<Object>of("deal_value", new BigDecimal("1000000000000000")),
                        List.<Object>of("deal_value", new BigDecimal("0.001")),
                        List.<Object>of("deal_value", new BigDecimal("1e400")))
                .map(pair -> Defect.fields(
                        "out of range " + pair.get(0) + "=" + pair.get(1),
                        lead -> put(lead, (String) pair.get(0), pair.get(1))));
    }

    private static Arbitrary<Defect> unknownEnumValue() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("", " ", "Investor\u200f", "\u202eInvestor", "Governmentt", "🌞"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20).map(value -> "x-" + value));
        return Combinators.combine(
                        Arbitraries.of("organization_type", "regulatory_compliance.status", "source.channel"), values)
                .as((field, value) -> Defect.fields("unknown value of " + field, lead -> {
                    Map<String, Object> changed = field.startsWith("source")
                            ? put(lead, "source", new LinkedHashMap<>(Map.of("channel", "ABM", "campaign", "c")))
                            : lead;
                    return put(changed, field, value);
                }));
    }

    private static Arbitrary<Defect> invalidEmail() {
        return Arbitraries.of("not-an-email", "a@", "@example.org", "two words@example.org", "a@@example.org", "")
                .map(email -> Defect.fields("invalid email " + email, lead -> put(lead, "email", email)));
    }

    /** Repeats the first key of the object, which strict parsing rejects. */
    private static Arbitrary<Defect> duplicateKey() {
        return Arbitraries.of("\"x\"", "1", "null", "{}")
                .map(value -> Defect.text("duplicate first key", json -> {
                    if (!json.startsWith("{\"")) {
                        return json + "}";
                    }
                    int keyEnd = json.indexOf("\":", 2);
                    return "{" + json.substring(1, keyEnd + 2) + value + "," + json.substring(1);
                }));
    }

    private static Arbitrary<Defect> deepNesting() {
        return Arbitraries.integers()
                .between(50, 5_000)
                .map(depth -> Defect.text("nesting depth " + depth, json -> {
                    String nested = "[".repeat(depth) + "]".repeat(depth);
                    return json.startsWith("{") ? "{\"nested\":" + nested + "," + json.substring(1) : nested;
                }));
    }

    private static Arbitrary<Defect> truncated() {
        return Arbitraries.integers()
                .between(0, 999)
                .map(perMille -> Defect.text(
                        TRUNCATED + " after " + perMille + " per mille",
                        json -> json.substring(0, (int) ((long) json.length() * perMille / 1000))));
    }

    private static Arbitrary<Defect> notAnObject() {
        return Arbitraries.of("array", "string", "number", "null", "true")
                .map(kind -> Defect.text("top level " + kind, json -> switch (kind) {
                    case "array" -> "[" + json + "]";
                    case "string" -> new TextNode(json).toString();
                    case "number" -> "12345";
                    case "null" -> "null";
                    default -> "true";
                }));
    }

    /** Appends content after the value; never a closing brace, which could complete a truncated object. */
    private static Arbitrary<Defect> trailingContent() {
        return Arbitraries.of("]", " x", ",{}", "{}", "\u0000")
                .map(suffix -> Defect.text("trailing " + suffix.strip(), json -> json + suffix));
    }

    private static Map<String, Object> put(Map<String, Object> lead, String path, Object value) {
        return change(lead, path, (parent, key) -> {
            if (key.endsWith("[0]")) {
                String list = key.substring(0, key.length() - 3);
                List<Object> items = new ArrayList<>(List.of("EIA"));
                items.set(0, value);
                parent.put(list, items);
            } else {
                parent.put(key, value);
            }
        });
    }

    private static Map<String, Object> remove(Map<String, Object> lead, String path) {
        return change(lead, path, Map::remove);
    }

    /**
     * Applies {@code change} to the object that contains the last segment of a dotted path, in a copy of the lead. A
     * path through a value that an earlier defect replaced with a non-object changes nothing: that defect already
     * makes the body invalid.
     */
    private static Map<String, Object> change(
            Map<String, Object> lead, String path, BiConsumer<Map<String, Object>, String> change) {
        Map<String, Object> copy = new LinkedHashMap<>(lead);
        int dot = path.indexOf('.');
        if (dot < 0) {
            change.accept(copy, path);
            return copy;
        }
        String parentKey = path.substring(0, dot);
        if (!(copy.get(parentKey) instanceof Map<?, ?> parent)) {
            return copy;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = new LinkedHashMap<>((Map<String, Object>) parent);
        change.accept(nested, path.substring(dot + 1));
        copy.put(parentKey, nested);
        return copy;
    }
}
