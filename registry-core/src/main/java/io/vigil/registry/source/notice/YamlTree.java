package io.vigil.registry.source.notice;

import io.vigil.registry.source.ListParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Strict reading of a composed YAML node tree (never constructed into objects): every node's tag must be a plain
 * YAML type, mappings may hold only the allowed keys, and every error names the file, the YAML line and the key
 * path, e.g. {@code "us.yaml line 12: unknown key parties[0].nickname"}.
 */
final class YamlTree {

    private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP,
            Tag.MAP, Tag.SEQ);
    static final int MAX_DEPTH = 12;

    private final String file;

    YamlTree(String file) {
        this.file = file;
    }

    static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    ListParseException error(Node at, String reason) {
        return new ListParseException(file, at == null || line(at) == 0 ? null : "line " + line(at), reason);
    }

    private void checkTag(Node n, String path, int depth) throws ListParseException {
        if (depth > MAX_DEPTH) {
            throw error(n, path + ": nested deeper than " + MAX_DEPTH + " levels (recursive alias?)");
        }
        if (!PLAIN.contains(n.getTag())) {
            throw error(n, path + ": YAML tag " + n.getTag() + " is not allowed (only plain strings, numbers, dates,"
                    + " lists and mappings)");
        }
    }

    /** The keys of a mapping, each checked against {@code allowed}; {@code required} keys must be present. */
    Map<String, Node> mapping(Node n, String path, List<String> allowed, List<String> required, int depth)
            throws ListParseException {
        checkTag(n, path, depth);
        if (!(n instanceof MappingNode m)) {
            throw error(n, (path.isEmpty() ? "the document" : path) + " must be a mapping of keys to values");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks) || !PLAIN.contains(k.getTag())) {
                throw error(k, join(path, "?") + ": keys must be plain strings");
            }
            String key = ks.getValue();
            String keyPath = join(path, key);
            if (!allowed.contains(key)) {
                throw error(k, "unknown key " + keyPath + " (allowed: " + String.join(", ", allowed) + ")");
            }
            if (out.put(key, t.getValueNode()) != null) {
                throw error(k, "duplicate key " + keyPath);
            }
            checkTag(t.getValueNode(), keyPath, depth + 1);
        }
        for (String r : required) {
            if (!out.containsKey(r)) {
                throw error(n, "missing required key " + join(path, r));
            }
        }
        return out;
    }

    /** A scalar's text, or null when the node is absent, null or empty. */
    String scalar(Node n, String path) throws ListParseException {
        if (n == null) {
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            throw error(n, path + " must be a single value, not a " + kind(n));
        }
        if (s.getTag().equals(Tag.NULL)) {
            return null;
        }
        String v = s.getValue().strip();
        return v.isEmpty() ? null : v;
    }

    /** A required non-empty scalar. */
    String requiredScalar(Node n, String path) throws ListParseException {
        String v = scalar(n, path);
        if (v == null) {
            throw error(n, path + " must not be empty");
        }
        return v;
    }

    /** A value that may be one item or a list of items; null/absent gives an empty list. */
    List<Node> items(Node n, String path, int depth) throws ListParseException {
        List<Node> out = new ArrayList<>();
        if (n == null || (n instanceof ScalarNode s && (s.getTag().equals(Tag.NULL) || s.getValue().isBlank()))) {
            return out;
        }
        if (n instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                checkTag(item, path + "[" + out.size() + "]", depth + 1);
                out.add(item);
            }
            return out;
        }
        out.add(n);
        return out;
    }

    /** Scalars of {@link #items}: {@code "KP"} or {@code [KP, CN]} → [KP, CN]. */
    List<String> scalars(Node n, String path, int depth) throws ListParseException {
        List<String> out = new ArrayList<>();
        List<Node> items = items(n, path, depth);
        boolean list = n instanceof SequenceNode;
        for (int i = 0; i < items.size(); i++) {
            String v = scalar(items.get(i), list ? path + "[" + i + "]" : path);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String kind(Node n) {
        return n instanceof MappingNode ? "mapping" : n instanceof SequenceNode ? "list" : "value";
    }
}
