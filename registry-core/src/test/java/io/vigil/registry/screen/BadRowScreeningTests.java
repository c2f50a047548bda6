package io.vigil.registry.screen;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.organization;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.match.NameMatchers;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.screen.input.InputFiles;
import io.vigil.registry.screen.input.InputKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A counterparty file with one broken row is screened whole, less that row. */
class BadRowScreeningTests {

    @TempDir
    Path tmp;

    private final IndexedRegistry registry = NameMatchers.prepare(List.of(choeCholMin(),
            organization("ofac:9003", "KOREA SOKCHON GENERAL CORPORATION", "KP")), PartyLinks.of(List.of()));
    private final RecordScreener screener = new RecordScreener(
            NameMatchers.indexed(registry, MatchPolicy.defaults()), registry, EmbargoPolicy.defaults());

    @Test
    void screen_fileWithAnUnterminatedQuoteInItsSecondDataRow_screensEveryOtherRow() throws Exception {
        // given good rows before and after a row whose quote is never closed, listed names among the good rows
        Path file = Files.writeString(tmp.resolve("counterparties.csv"), """
                id,name,type,date_of_birth,country,address
                C-1,Choi Cheol-min,person,1978,CN,Beijing
                C-2,"Harbour Light Shipping Ltd,organization,,HK,Unit 5
                C-3,Hans Müller,person,1961,DE,"Hauptstraße 1, Köln"
                C-4,Korea Sokchon General Corporation,organization,,KP,
                C-5,Anna Schmidt,person,,DE,
                """, StandardCharsets.UTF_8);

        // when every item is read and every record screened
        int read = 0;
        List<InputRecord> screened = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        List<ScreeningHit> hits = new ArrayList<>();
        try (InputReader reader = InputFiles.open(file, InputKind.COUNTERPARTIES)) {
            for (InputItem item = reader.next(); item != null; item = reader.next()) {
                read++;
                if (item instanceof InputItem.Record r) {
                    screened.add(r.record());
                    hits.addAll(screener.screen(r.record()));
                } else {
                    rejected.add(((InputItem.Rejected) item).rejected());
                }
            }
        }

        // then the good rows are screened and hit, the bad one is rejected with its line, nothing is lost
        assertThat(screened).extracting(InputRecord::recordId).containsExactly("C-1", "C-3", "C-4", "C-5");
        assertThat(rejected).extracting(RejectedRecord::line, RejectedRecord::recordId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "C-2"));
        assertThat(rejected.get(0).reason()).isEqualTo("quoted field 'name' opened on line 3 runs on to line 4 into a "
                + "malformed record (unterminated quote?): unexpected character 'H' after the closing quote of field "
                + "'name' on line 4");
        assertThat(read).isEqualTo(screened.size() + rejected.size());
        assertThat(hits).filteredOn(h -> h.decision().equals("alert")).extracting(ScreeningHit::recordId,
                ScreeningHit::partyId).contains(org.assertj.core.groups.Tuple.tuple("C-1", "ofac:43598"),
                org.assertj.core.groups.Tuple.tuple("C-4", "ofac:9003"));
    }
}
