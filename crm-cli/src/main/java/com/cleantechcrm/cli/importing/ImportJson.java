package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/** JSON handling of the import: one mapper setup, the canonical form of a body and the idempotency key. */
public final class ImportJson {

    static final String IDEMPOTENCY_KEY_PREFIX = "import-";

    private static final ObjectMapper MAPPER = newObjectMapper();

    private ImportJson() {}

    /**
     * Creates a mapper that keeps decimals exact (so {@code 1250.50} is sent as written) and rejects duplicated keys
     * and trailing content on a line, as the API does.
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Serializes a body with the keys of every object sorted and no whitespace. Two rows with the same fields and
     * values give the same text whatever their key order, and numbers keep the digits they were written with.
     */
    public static String canonical(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(sortKeys(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Derives the {@code Idempotency-Key} of a lead from its canonical body: {@code import-} + SHA-256 hex. */
    public static String idempotencyKey(JsonNode body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(canonical(body).getBytes(StandardCharsets.UTF_8));
            return IDEMPOTENCY_KEY_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                sorted.put(name, sortKeys(node.get(name)));
            }
            ObjectNode copy = MAPPER.getNodeFactory().objectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = MAPPER.getNodeFactory().arrayNode();
            node.forEach(element -> copy.add(sortKeys(element)));
            return copy;
        }
        return node;
    }
}
