package io.vigil.registry.alert;

import io.vigil.registry.source.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The listed side of an alert as an analyst saw it: the reported entry and its linked entries, each with the hash
 * of its content in the snapshot (the registry stores each distinct party content once under that hash: names,
 * aliases, dates, identifiers and designations). A new alias, a date of birth added or a new linked designation
 * changes the {@link #fingerprint()}.
 *
 * <p>Written to the database as {@code ofac:43598=9f2c…|notice:kr-2023-01=ab41…} ({@link #encode()}).
 *
 * @param contentHashes entry id → content hash, sorted by id; empty for a hit with no listed party
 */
public record ListedContent(SortedMap<String, String> contentHashes) {

    public static final ListedContent NONE = new ListedContent(new TreeMap<>());

    public ListedContent {
        contentHashes = Collections.unmodifiableSortedMap(new TreeMap<>(contentHashes));
    }

    /** The content of a party and its linked entries in a snapshot, from the snapshot's id → content-hash map. */
    public static ListedContent of(String partyId, List<String> linkedIds, Map<String, String> snapshotHashes) {
        if (partyId.isEmpty()) {
            return NONE;
        }
        SortedMap<String, String> m = new TreeMap<>();
        m.put(partyId, Objects.requireNonNullElse(snapshotHashes.get(partyId), ""));
        for (String id : linkedIds) {
            m.put(id, Objects.requireNonNullElse(snapshotHashes.get(id), ""));
        }
        return new ListedContent(m);
    }

    /** SHA-256 of the encoded form; the SHA-256 of the empty string when there is no listed party. */
    public String fingerprint() {
        return Hashing.sha256(encode().getBytes(StandardCharsets.UTF_8));
    }

    public String encode() {
        StringBuilder sb = new StringBuilder();
        contentHashes.forEach((id, hash) -> {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(id).append('=').append(hash);
        });
        return sb.toString();
    }

    public static ListedContent decode(String encoded) {
        SortedMap<String, String> m = new TreeMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String part : encoded.split("\\|")) {
                int eq = part.lastIndexOf('=');
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return new ListedContent(m);
    }

    /** The entries added, removed and changed from {@code before} to this. */
    public Difference differenceFrom(ListedContent before) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        contentHashes.forEach((id, hash) -> {
            String old = before.contentHashes.get(id);
            if (old == null) {
                added.add(id);
            } else if (!old.equals(hash)) {
                changed.add(id);
            }
        });
        before.contentHashes.keySet().stream().filter(id -> !contentHashes.containsKey(id)).forEach(removed::add);
        return new Difference(added, removed, changed);
    }

    /** Entry ids added, removed and with changed content, each sorted. */
    public record Difference(List<String> added, List<String> removed, List<String> changed) {
        public Difference {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }
}
