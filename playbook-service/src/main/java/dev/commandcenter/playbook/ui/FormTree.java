package dev.commandcenter.playbook.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML form's fields, named like {@code stages[0].steps[2].title}, into the JSON tree
 * of the same shape, so a form is read by the same mapping and validation as the API's JSON and
 * validation errors name the very fields the form has. Indexes may have gaps (removed rows):
 * items keep their order. A name ending in {@code []} is a list of all its values.
 */
final class FormTree {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,4})])?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormTree() {
    }

    static ObjectNode of(Map<String, List<String>> form) {
        Map<String, Object> root = new TreeMap<>();
        form.forEach((name, values) -> {
            if (name.endsWith("[]")) {
                put(root, name.substring(0, name.length() - 2), List.copyOf(values));
            } else if (!values.isEmpty()) {
                put(root, name, values.get(values.size() - 1));
            }
        });
        return (ObjectNode) toNode(root);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String name, Object value) {
        String[] segments = name.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (!m.matches()) {
                return; // not a field of ours (e.g. a button's name): ignored
            }
            boolean last = i == segments.length - 1;
            String key = m.group(1);
            if (m.group(2) == null) {
                if (last) {
                    node.put(key, value);
                } else {
                    node = (Map<String, Object>) node.computeIfAbsent(key, k -> new TreeMap<String, Object>());
                }
            } else {
                TreeMap<Integer, Object> list = (TreeMap<Integer, Object>) node.computeIfAbsent(key,
                        k -> new TreeMap<Integer, Object>());
                int index = Integer.parseInt(m.group(2));
                if (last) {
                    list.put(index, value);
                } else {
                    node = (Map<String, Object>) list.computeIfAbsent(index, k -> new TreeMap<String, Object>());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonNode toNode(Object value) {
        if (value instanceof TreeMap<?, ?> map && !map.isEmpty() && map.firstKey() instanceof Integer) {
            ArrayNode array = NODES.arrayNode();
            ((TreeMap<Integer, Object>) map).values().forEach(v -> array.add(toNode(v)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            ((Map<String, Object>) map).forEach((k, v) -> object.set(k, toNode(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(v.toString()));
            return array;
        }
        return NODES.textNode(value.toString());
    }
}
