package io.vigil.registry.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.registry.model.Party;
import io.vigil.registry.source.Hashing;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON form of a {@link Party}: properties in alphabetical order, nulls left out, dates as ISO
 * strings ({@code "1978-04-03"}), so equal parties always give byte-equal JSON and therefore equal content hashes.
 * Unknown properties are ignored on reading, so snapshots written before a model field was removed stay readable.
 */
final class PartyJson {

    /** One mapper for the whole process (thread-safe). */
    static final PartyJson SHARED = new PartyJson();

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultVisibility(v -> v.withIsGetterVisibility(Visibility.NONE))
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** A party with its canonical JSON and the SHA-256 of that JSON's UTF-8 bytes. */
    record Encoded(Party party, String json, String hash) {
    }

    Encoded encode(Party party) {
        String json = mapper.writeValueAsString(party);
        return new Encoded(party, json, Hashing.sha256(json.getBytes(StandardCharsets.UTF_8)));
    }

    Party decode(String json) {
        return mapper.readValue(json, Party.class);
    }
}
