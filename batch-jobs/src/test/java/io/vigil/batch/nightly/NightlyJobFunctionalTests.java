package io.vigil.batch.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import io.vigil.batch.launch.RunLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code vigil nightly} as a scheduler would: both files screened by their own jobs under one
 * {@code nightlyJob}, the same night refused as already completed, a failed night restarted where it stopped, and
 * a second run refused while the lock is held.
 */
class NightlyJobFunctionalTests {

    @TempDir
    Path tmp;

    VigilRunner vigil;
    Path counterparties;
    Path transactions;

    @BeforeEach
    void setUp() throws Exception {
        vigil = VigilRunner.withDemoRegistry(tmp, """
                  registry:
                    sources: []
                  screening:
                    chunk-size: 2
                    skip-limit: 3
                """);
        counterparties = tmp.resolve("counterparties.csv");
        Files.writeString(counterparties, """
                id,name,type,date_of_birth,country,address
                C001,Choi Cheol-min,person,1978,CN,"Beijing, China"
                C002,Kim Min-jun,person,1990,KR,Seoul
                C003,Maria Fernanda Lopez,person,1985,MX,Monterrey
                """, StandardCharsets.UTF_8);
        transactions = tmp.resolve("transactions.csv");
        Files.writeString(transactions, goodTransactions(), StandardCharsets.UTF_8);
    }

    private static String goodTransactions() {
        return """
                id,value_date,amount,currency,originator_name,originator_country,originator_bank,beneficiary_name,beneficiary_country,beneficiary_bank,intermediary_bank,remittance_info
                T001,2026-11-20,98000.00,USD,Golden Lotus Trading LLC,SG,DBS Bank Ltd,Choe Un-jong,CN,Bank of China,,machine parts
                T002,2026-11-20,4300.00,CNY,Zhang Wei,CN,ICBC,Wang Fang,CN,China Construction Bank,,Rent November
                """;
    }

    private Result nightly(String... extra) {
        String[] base = {"nightly", "--business-date", "2026-11-20", "--counterparties", counterparties.toString(),
            "--transactions", transactions.toString(), "--no-refresh"};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return vigil.run(all);
    }

    private static Path outputs(Result r, String step) {
        Matcher m = Pattern.compile(step + ": execution (\\d+).*?\\n\\s+outputs: (\\S+)", Pattern.DOTALL)
                .matcher(r.out());
        assertThat(m.find()).as(r.toString()).isTrue();
        return Path.of(m.group(2));
    }

    @Test
    void nightly_screensBothFiles_eachWithItsOwnJobAndOutputs() throws Exception {
        // when
        Result r = nightly();

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("nightlyJob COMPLETED")
                .contains("nightlyCounterparties: execution").contains("3 read = 3 screened + 0 rejected")
                .contains("nightlyTransactions: execution").contains("2 read = 2 screened + 0 rejected");
        String cpHits = Files.readString(outputs(r, "nightlyCounterparties").resolve("hits.csv"));
        assertThat(cpHits).contains("C001,name,Choi Cheol-min,ofac:43598").doesNotContain("Kim Min-jun")
                .doesNotContain("Maria");
        String txHits = Files.readString(outputs(r, "nightlyTransactions").resolve("hits.csv"));
        assertThat(txHits).contains("T001,beneficiary_name,Choe Un-jong,ofac:43616").doesNotContain("Wang Fang");
        Result jobs = vigil.run("jobs");
        assertThat(jobs.out()).contains("nightlyJob").contains("screenCounterpartiesJob")
                .contains("screenTransactionsJob").contains("importListsJob");
    }

    @Test
    void nightly_sameNightAgain_saysAlreadyCompleted_unlessRerun() throws Exception {
        // given
        assertThat(nightly().exitCode()).isZero();

        // when
        Result again = nightly();
        Result rerun = nightly("--rerun");

        // then
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed").doesNotContain("screened +");
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).contains("nightlyJob COMPLETED").contains("3 read = 3 screened + 0 rejected");
        assertThat(Files.readString(outputs(rerun, "nightlyCounterparties").resolve("hits.csv")))
                .contains("Choi Cheol-min");
    }

    @Test
    void nightly_failedNight_isRestartedWhereItStopped() throws Exception {
        // given: four malformed payments among good ones, past the skip limit of 3, so the night fails after the
        // counterparties were screened
        String[] good = goodTransactions().split("\n");
        Files.writeString(transactions, String.join("\n", good[0], good[1], "B1,2026-11-20,only three fields",
                "B2,2026-11-20,only three fields", "B3,2026-11-20,only three fields", "B4,2026-11-20,only three fields",
                good[2]) + "\n", StandardCharsets.UTF_8);
        Result failed = nightly();
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.err()).contains("skip limit of 3");
        Matcher first = Pattern.compile("nightlyCounterparties: execution (\\d+)").matcher(failed.out());
        assertThat(first.find()).as(failed.toString()).isTrue();

        // when: the administrator raises the skip limit and runs the same night again
        Files.writeString(tmp.resolve("config/application.yml"), """
                vigil:
                  registry:
                    sources: []
                  screening:
                    chunk-size: 2
                    skip-limit: 100
                """);
        Result restarted = nightly();

        // then: the counterparties are not screened again; the payments resume from their last commit point,
        // and every row is counted exactly once
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        Matcher second = Pattern.compile("nightlyCounterparties: execution (\\d+)").matcher(restarted.out());
        assertThat(second.find()).isTrue();
        assertThat(second.group(1)).isEqualTo(first.group(1));
        assertThat(restarted.out()).contains("6 read = 2 screened + 4 rejected");
        Path out = outputs(restarted, "nightlyTransactions");
        assertThat(Files.readString(out.resolve("hits.csv"))).containsOnlyOnce("Choe Un-jong");
        assertThat(Files.readString(out.resolve("rejects.csv")).lines()).hasSize(5)
                .anyMatch(l -> l.startsWith("3,B1,")).anyMatch(l -> l.startsWith("6,B4,"));
    }

    @Test
    void nightly_inputChangedAfterAFailure_isNotMixedIntoTheRestart() throws Exception {
        // given: a failed night
        String[] good = goodTransactions().split("\n");
        Files.writeString(transactions, String.join("\n", good[0], "B1,x,y", "B2,x,y", "B3,x,y", "B4,x,y") + "\n",
                StandardCharsets.UTF_8);
        assertThat(nightly().exitCode()).isEqualTo(3);

        // when: a corrected file arrives under the same name
        Files.writeString(transactions, goodTransactions(), StandardCharsets.UTF_8);
        Result restart = nightly();
        Result rerun = nightly("--rerun");

        // then: a restart is refused because it would mix two versions of the file; --rerun screens it afresh
        assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(3);
        assertThat(restart.err()).contains("changed since").contains("--rerun");
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).contains("2 read = 2 screened + 0 rejected");
    }

    @Test
    void nightly_whileAnotherRunHoldsTheLock_exits5() throws Exception {
        // given
        try (RunLock held = RunLock.acquire(tmp.resolve("data"), "test holder", Instant.EPOCH)) {
            // when
            Result r = nightly();

            // then
            assertThat(r.exitCode()).isEqualTo(5);
            assertThat(r.err()).contains("another Vigil run holds the lock").contains("test holder");
        }
        // and once released, the night runs
        assertThat(nightly().exitCode()).isZero();
    }
}
