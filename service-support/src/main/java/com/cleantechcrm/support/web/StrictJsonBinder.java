package com.cleantechcrm.support.web;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Binds a JSON request body to a request record and reports every problem at once.
 *
 * <p>Jackson stops at the first type error, so the binder first walks the JSON tree against the record's components
 * and collects unknown fields, wrong JSON types, fractional or quoted integers and values outside an enum. It then
 * binds the parts that had the right type and runs Bean Validation on the result, so a body with a wrong type in one
 * field and a range error in another gets both errors. Field paths use the JSON names, such as
 * {@code regulatory_compliance.requirements[2]}.
 *
 * <p>Request records must use wrapper types ({@code Integer}, not {@code int}) so that a missing value stays null and
 * {@code @NotNull} can report it.
 */
public class StrictJsonBinder {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final ObjectMapper objectMapper;
    private final Validator validator;

    public StrictJsonBinder(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    /**
     * Binds and validates a body.
     *
     * @throws ApiException {@code MALFORMED_REQUEST} when the body is not a JSON object, {@code VALIDATION_FAILED}
     *     with every invalid field otherwise
     */
    public <T extends Record> T bind(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object.");
        }
        Map<String, String> typeErrors = new LinkedHashMap<>();
        ObjectNode sanitized = checkObject((ObjectNode) body, type, "", typeErrors);

        T value;
        try {
            value = objectMapper.treeToValue(sanitized, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ApiException(
                    ErrorCode.MALFORMED_REQUEST, "The request body cannot be read as " + type.getSimpleName() + ".");
        }

        List<String> errors = new ArrayList<>();
        typeErrors.forEach((path, message) -> errors.add(path + ": " + message));
        errors.addAll(violations(value, typeErrors.keySet()));
        if (!errors.isEmpty()) {
            String noun = errors.size() == 1 ? "1 invalid field" : errors.size() + " invalid fields";
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The request body has " + noun + ".")
                    .withValidationErrors(errors);
        }
        return value;
    }

    private ObjectNode checkObject(ObjectNode node, Class<?> type, String prefix, Map<String, String> errors) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(jsonName(component), component);
        }
        ObjectNode sanitized = objectMapper.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                errors.put(path, "unknown field");
                continue;
            }
            sanitized.set(field.getKey(), checkValue(field.getValue(), component.getGenericType(), path, errors));
        }
        return sanitized;
    }

    private JsonNode checkValue(JsonNode value, Type type, String path, Map<String, String> errors) {
        if (value.isNull()) {
            return value;
        }
        Class<?> raw = rawClass(type);
        String problem = null;
        if (raw == String.class) {
            problem = value.isTextual() ? TextRules.problemWith(value.textValue()) : "must be a string";
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            problem = isWholeNumber(value, raw) ? null : "must be an integer";
        } else if (raw == BigDecimal.class) {
            problem = value.isNumber() ? null : "must be a number";
        } else if (raw == Boolean.class || raw == boolean.class) {
            problem = value.isBoolean() ? null : "must be true or false";
        } else if (raw == UUID.class) {
            problem = value.isTextual() && isUuid(value.asText()) ? null : "must be a UUID";
        } else if (raw.isEnum()) {
            problem = enumProblem(value, raw);
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!value.isArray()) {
                problem = "must be an array";
            } else {
                Type elementType = ((ParameterizedType) type).getActualTypeArguments()[0];
                ArrayNode sanitized = objectMapper.createArrayNode();
                for (int i = 0; i < value.size(); i++) {
                    sanitized.add(checkValue(value.get(i), elementType, path + "[" + i + "]", errors));
                }
                return sanitized;
            }
        } else if (raw.isRecord()) {
            if (!value.isObject()) {
                problem = "must be an object";
            } else {
                return checkObject((ObjectNode) value, raw, path + ".", errors);
            }
        }
        if (problem != null) {
            errors.put(path, problem);
            return NullNode.getInstance();
        }
        return value;
    }

    private static boolean isWholeNumber(JsonNode value, Class<?> raw) {
        if (!value.isIntegralNumber()) {
            return false;
        }
        boolean isInt = raw == Integer.class || raw == int.class;
        return isInt ? value.canConvertToInt() : value.canConvertToLong();
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String enumProblem(JsonNode value, Class<?> enumType) {
        List<String> names = Arrays.stream(enumType.getFields())
                .filter(java.lang.reflect.Field::isEnumConstant)
                .map(field -> {
                    JsonProperty property = field.getAnnotation(JsonProperty.class);
                    return property != null ? property.value() : field.getName();
                })
                .toList();
        if (value.isTextual() && names.contains(value.asText())) {
            return null;
        }
        return "must be one of " + String.join(", ", names);
    }

    private List<String> violations(Object value, Set<String> pathsWithTypeErrors) {
        Set<String> seen = new HashSet<>();
        return validator.validate(value).stream()
                .map(violation -> new String[] {jsonPath(violation.getPropertyPath()), violation.getMessage()})
                .filter(pair -> !pathsWithTypeErrors.contains(pair[0]))
                .filter(pair -> seen.add(pair[0] + pair[1]))
                .sorted(Comparator.comparing((String[] pair) -> pair[0]).thenComparing(pair -> pair[1]))
                .map(pair -> pair[0] + ": " + pair[1])
                .collect(Collectors.toList());
    }

    private static String jsonPath(Path path) {
        StringBuilder result = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                result.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY && node.getName() != null) {
                if (!result.isEmpty()) {
                    result.append('.');
                }
                result.append(SNAKE_CASE.translate(node.getName()));
            }
        }
        return result.toString();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonProperty.class);
        }
        return property != null ? property.value() : SNAKE_CASE.translate(component.getName());
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }
}
