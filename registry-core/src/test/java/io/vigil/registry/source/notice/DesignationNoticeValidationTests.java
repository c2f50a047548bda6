package io.vigil.registry.source.notice;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.source.ListParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every validation error names the file, the YAML line where known, and the key path. */
class DesignationNoticeValidationTests {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/notices");

    private final DesignationNoticeParser parser = new DesignationNoticeParser();

    @Test
    void parse_unknownKey_namesFileLineAndKeyPath() {
        // given a party with a "nickname" key
        // when / then
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("unknown-key")))
                .isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("notice.yaml line 10: unknown key parties[0].nickname (allowed: id, type,");
    }

    @Test
    void parse_nameWithoutName_namesFileLineAndKeyPath() {
        // given a names entry {kind: aka} with no name
        // when / then
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("missing-name")))
                .isInstanceOf(ListParseException.class)
                .hasMessage("notice.yaml line 10: missing required key parties[0].names[0].name");
    }

    @Test
    void parse_partyWithoutAnyName_namesFile(@TempDir Path dir) throws Exception {
        // given a party named by id only, in no other notice
        Files.writeString(dir.resolve("only-id.yaml"), "id: n1\nauthority: Japan\nlist: x\nannounced: 2022\n"
                + "parties:\n  - id: ghost\n    type: person\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(dir)).isInstanceOf(ListParseException.class)
                .hasMessage("only-id.yaml line 6: party notice:ghost has no names in any notice");
    }

    @Test
    void parse_missingRequiredKey_namesFileAndKey() {
        // when / then
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("missing-required")))
                .isInstanceOf(ListParseException.class)
                .hasMessage("notice.yaml line 2: missing required key authority");
    }

    @Test
    void parse_badDate_namesFileLineAndKeyPath() {
        // given dob 1970-02-31
        // when / then
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("bad-date")))
                .isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("notice.yaml line 10: parties[0].dob: '1970-02-31' is not a valid date");
    }

    @Test
    void parse_badAnnouncedFormat_namesKey(@TempDir Path dir) throws Exception {
        // given an announced date in prose
        Files.writeString(dir.resolve("prose.yaml"), "id: n1\nauthority: Japan\nlist: x\n"
                + "announced: 2 December 2022\nparties: []\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(dir)).isInstanceOf(ListParseException.class)
                .hasMessage("prose.yaml line 4: announced: '2 December 2022' is not a date (YYYY-MM-DD, YYYY-MM,"
                        + " YYYY or YYYY/YYYY)");
    }

    @Test
    void parse_yamlBomb_isRefusedNamingFile() {
        // given six levels of nested aliases (nine to the sixth power strings if expanded)
        // when / then
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("yaml-bomb")))
                .isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("notice.yaml")
                .hasMessageContaining("Number of aliases for non-scalar nodes exceeds the specified max=5");
    }

    @Test
    void parse_javaTypeTag_isRefusedNamingFileAndLine() {
        // given url: !!java.net.URL [...]
        // when / then
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("java-tag")))
                .isInstanceOf(ListParseException.class)
                .hasMessage("notice.yaml line 6: invalid YAML: Global tag is not allowed:"
                        + " tag:yaml.org,2002:java.net.URL");
    }

    @Test
    void parse_localTag_isRefusedNamingKeyPath(@TempDir Path dir) throws Exception {
        // given a local tag, which SnakeYAML composes but the notice reader refuses
        Files.writeString(dir.resolve("tag.yaml"), "id: n1\nauthority: Japan\nlist: x\nannounced: 2022\n"
                + "title: !custom Something\nparties: []\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(dir)).isInstanceOf(ListParseException.class)
                .hasMessage("tag.yaml line 5: title: YAML tag !custom is not allowed (only plain strings, numbers,"
                        + " dates, lists and mappings)");
    }

    @Test
    void parse_duplicateNoticeId_namesBothFiles() {
        // when / then
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("duplicate-id")))
                .isInstanceOf(ListParseException.class)
                .hasMessage("b.yaml line 2: notice id fixture-duplicate is already used by a.yaml");
    }

    @Test
    void parse_emptyDirectory_isRefused(@TempDir Path dir) throws Exception {
        // given a directory with only a README
        Files.writeString(dir.resolve("README.md"), "# notes\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(dir)).isInstanceOf(ListParseException.class)
                .hasMessageContaining("no *.yaml or *.yml notice files");
    }

    @Test
    void parse_notUtf8_namesFileAndLine(@TempDir Path dir) throws Exception {
        // given a windows-1252 byte in a name on line 6
        Files.write(dir.resolve("latin1.yaml"), ("id: n1\nauthority: Japan\nlist: x\nannounced: 2022\nparties:\n"
                + "  - {id: p, type: person, names: [Jos\u00e9]}\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        // when / then
        assertThatThrownBy(() -> parser.parse(dir)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("latin1.yaml line 6: not valid UTF-8");
    }

    @Test
    void parse_typeConflictAcrossNotices_namesFile(@TempDir Path dir) throws Exception {
        // given the same party id as a person and as an organization
        Files.writeString(dir.resolve("a.yaml"), "id: n1\nauthority: Japan\nlist: x\nannounced: 2022\n"
                + "parties:\n  - {id: p, type: person, names: [P]}\n");
        Files.writeString(dir.resolve("b.yaml"), "id: n2\nauthority: Japan\nlist: x\nannounced: 2022\n"
                + "parties:\n  - {id: p, type: organization, names: [P]}\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(dir)).isInstanceOf(ListParseException.class)
                .hasMessage("b.yaml line 6: parties[0].type: notice:p is person in a.yaml but organization here");
    }
}
