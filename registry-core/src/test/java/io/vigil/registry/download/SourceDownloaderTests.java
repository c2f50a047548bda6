package io.vigil.registry.download;

import static io.vigil.registry.download.FakeListServer.conditional;
import static io.vigil.registry.download.FakeListServer.ok;
import static io.vigil.registry.download.FakeListServer.okChunked;
import static io.vigil.registry.download.FakeListServer.slow;
import static io.vigil.registry.download.FakeListServer.status;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.download.ConfiguredSource.RemoteFile;
import io.vigil.registry.download.DownloadResult.DownloadedFile;
import io.vigil.registry.download.DownloadResult.Origin;
import io.vigil.registry.source.Hashing;
import io.vigil.registry.source.ListParseException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SourceDownloaderTests {

    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    private static final byte[] SDN_V1 = ("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
            + "-0- ,\"Havana, Cuba.\"\r\n").getBytes(UTF_8);
    private static final byte[] SDN_V2 = ("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
            + "-0- ,\"Havana, Cuba.\"\r\n173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,"
            + "-0- ,-0- ,-0- \r\n").getBytes(UTF_8);
    private static final byte[] UN_XML = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST "
            + "dateGenerated=\"2025-03-03T00:00:00\"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>\n")
            .getBytes(UTF_8);

    @TempDir
    Path cache;

    private FakeListServer server;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private DownloadSettings settings;

    @BeforeEach
    void setUp() throws IOException {
        server = new FakeListServer();
        settings = DownloadSettings.defaults(cache)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withSleeper(sleeps::add)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private SourceDownloader downloader() {
        return new SourceDownloader(settings);
    }

    private ConfiguredSource unSource() {
        return ConfiguredSource.of("un", "un-xml", server.url("/resources/xml/en/consolidated.xml"));
    }

    private ConfiguredSource sdnSource() {
        return ConfiguredSource.of("ofac-sdn-single", "ofac-sdn-csv", server.url("/sdn.csv"));
    }

    @Test
    void download_singleFile_storesBytesHashAndMetadata() throws Exception {
        // given
        server.on("/resources/xml/en/consolidated.xml", ok(UN_XML, "ETag", "\"un-1\"",
                "Last-Modified", "Mon, 03 Mar 2025 10:00:00 GMT"));

        // when
        DownloadResult result = downloader().download(unSource());

        // then
        Path expected = cache.resolve("un").resolve("current").resolve("consolidated.xml");
        assertThat(result.path()).isEqualTo(expected);
        assertThat(Files.readAllBytes(expected)).isEqualTo(UN_XML);
        assertThat(result.sourceName()).isEqualTo("un");
        assertThat(result.origin()).isEqualTo(Origin.DOWNLOADED);
        assertThat(result.fromNetwork()).isTrue();
        assertThat(result.stale()).isFalse();
        assertThat(result.changed()).isTrue();
        assertThat(result.downloadedAt()).isEqualTo(NOW);
        assertThat(result.files()).containsExactly(new DownloadedFile("consolidated.xml",
                server.url("/resources/xml/en/consolidated.xml"), Hashing.sha256(UN_XML), UN_XML.length));
        assertThat(result.files().get(0).toSourceFile().sha256()).isEqualTo(Hashing.sha256(UN_XML));
        String metadata = Files.readString(expected.resolveSibling(SourceDownloader.METADATA_FILE), UTF_8);
        assertThat(metadata).contains("\"downloadedAt\" : \"2025-03-04T05:06:07Z\"")
                .contains("\"sha256\" : \"" + Hashing.sha256(UN_XML) + "\"")
                .contains("\"etag\" : \"\\\"un-1\\\"\"")
                .contains("\"lastModified\" : \"Mon, 03 Mar 2025 10:00:00 GMT\"")
                .contains(server.url("/resources/xml/en/consolidated.xml"));
        assertThat(server.request("/resources/xml/en/consolidated.xml", 0).getFirst("User-Agent"))
                .startsWith("Vigil-sanctions-screening/");
    }

    @Test
    void download_ofacCsvSet_landsInOneDirectory() throws Exception {
        // given
        byte[] add = "36,25,\"Ave. 1\",\"Havana\",\"Cuba\",-0- \r\n".getBytes(UTF_8);
        byte[] alt = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n".getBytes(UTF_8);
        byte[] comments = "36,\"Ran by the Cuban state.\"\r\n".getBytes(UTF_8);
        server.on("/ofac/sdn.csv", ok(SDN_V1)).on("/ofac/add.csv", ok(add)).on("/ofac/alt.csv", ok(alt))
                .on("/ofac/sdn_comments.csv", okChunked(comments));
        ConfiguredSource ofac = ConfiguredSource.of("ofac-sdn", "ofac-sdn-csv", server.url("/ofac/sdn.csv"),
                server.url("/ofac/add.csv"), server.url("/ofac/alt.csv"), server.url("/ofac/sdn_comments.csv"));

        // when
        DownloadResult result = downloader().download(ofac);

        // then
        Path dir = cache.resolve("ofac-sdn").resolve("current");
        assertThat(result.path()).isEqualTo(dir).isDirectory();
        assertThat(result.files()).extracting(DownloadedFile::name)
                .containsExactly("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
        assertThat(result.files()).extracting(DownloadedFile::sizeBytes)
                .containsExactly((long) SDN_V1.length, (long) add.length, (long) alt.length, (long) comments.length);
        assertThat(Files.readAllBytes(dir.resolve("sdn.csv"))).isEqualTo(SDN_V1);
        assertThat(Files.readAllBytes(dir.resolve("add.csv"))).isEqualTo(add);
        assertThat(Files.readAllBytes(dir.resolve("alt.csv"))).isEqualTo(alt);
        assertThat(Files.readAllBytes(dir.resolve("sdn_comments.csv"))).isEqualTo(comments);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sdn.csv", "add.csv",
                    "alt.csv", "sdn_comments.csv", SourceDownloader.METADATA_FILE);
        }
    }

    @Test
    void download_oneFileOfSetFails_keepsWholePreviousSet() throws Exception {
        // given a good first set, then add.csv answers 404
        server.on("/ofac/sdn.csv", ok(SDN_V1), ok(SDN_V2)).on("/ofac/add.csv", ok("v1".getBytes(UTF_8)),
                status(404));
        ConfiguredSource ofac = ConfiguredSource.of("ofac-sdn", "ofac-sdn-csv", server.url("/ofac/sdn.csv"),
                server.url("/ofac/add.csv"));
        downloader().download(ofac);

        // when
        DownloadResult result = downloader().download(ofac);

        // then sdn.csv v2 was fetched but not installed: the set stays v1 as a whole
        assertThat(result.stale()).isTrue();
        assertThat(result.messages()).singleElement().asString().contains(server.url("/ofac/add.csv"))
                .contains("HTTP 404 (not retried)");
        assertThat(Files.readAllBytes(result.path().resolve("sdn.csv"))).isEqualTo(SDN_V1);
        assertThat(result.files().get(0).sha256()).isEqualTo(Hashing.sha256(SDN_V1));
        assertThat(server.hits("/ofac/sdn.csv")).isEqualTo(2);
        assertNoLeftovers("ofac-sdn");
    }

    @Test
    void download_setWithOneFileNotModified_installsMixOfKeptAndNewFiles() throws Exception {
        // given sdn.csv answers 304 to its ETag; add.csv has new content on the second run
        server.on("/ofac/sdn.csv", conditional("\"sdn-1\"", SDN_V1))
                .on("/ofac/add.csv", ok("add v1".getBytes(UTF_8)), ok("add v2".getBytes(UTF_8)));
        ConfiguredSource ofac = ConfiguredSource.of("ofac-sdn", "ofac-sdn-csv", server.url("/ofac/sdn.csv"),
                server.url("/ofac/add.csv"));
        downloader().download(ofac);

        // when
        DownloadResult result = downloader().download(ofac);

        // then
        assertThat(result.origin()).isEqualTo(Origin.DOWNLOADED);
        assertThat(result.changed()).isTrue();
        assertThat(result.messages()).contains("sdn.csv: not modified (HTTP 304)");
        assertThat(Files.readAllBytes(result.path().resolve("sdn.csv"))).isEqualTo(SDN_V1);
        assertThat(Files.readString(result.path().resolve("add.csv"), UTF_8)).isEqualTo("add v2");
        assertThat(result.files()).extracting(DownloadedFile::sha256)
                .containsExactly(Hashing.sha256(SDN_V1), Hashing.sha256("add v2".getBytes(UTF_8)));
        assertThat(Files.readString(result.path().resolve(SourceDownloader.METADATA_FILE), UTF_8))
                .contains("\\\"sdn-1\\\"");
    }

    @Test
    void download_503TwiceThen200_succeedsAfterThreeAttemptsWithBackoff() throws Exception {
        // given
        server.on("/sdn.csv", status(503), status(503), ok(SDN_V1));

        // when
        DownloadResult result = downloader().download(sdnSource());

        // then
        assertThat(server.hits("/sdn.csv")).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(result.origin()).isEqualTo(Origin.DOWNLOADED);
        assertThat(Files.readAllBytes(result.path())).isEqualTo(SDN_V1);
    }

    @Test
    void download_429WithRetryAfter_waitsAsToldButCapped() throws Exception {
        // given Retry-After 2 s, then 1 hour (capped at the 5 s maximum backoff)
        server.on("/sdn.csv", status(429, "Retry-After", "2"), status(429, "Retry-After", "3600"), ok(SDN_V1));

        // when
        DownloadResult result = downloader().download(sdnSource());

        // then
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(server.hits("/sdn.csv")).isEqualTo(3);
        assertThat(result.files().get(0).sha256()).isEqualTo(Hashing.sha256(SDN_V1));
    }

    @Test
    void download_always503_failsNamingStatusAndAttempts() {
        // given
        server.on("/sdn.csv", status(503));

        // when / then
        assertThatThrownBy(() -> downloader().download(sdnSource()))
                .isInstanceOf(DownloadException.class)
                .hasMessage("ofac-sdn-single: " + server.url("/sdn.csv") + ": HTTP 503 after 3 attempts");
        assertThat(server.hits("/sdn.csv")).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void download_404_failsAtOnceNamingTheUrl() {
        // given
        server.on("/sdn.csv", status(404));

        // when / then
        assertThatThrownBy(() -> downloader().download(sdnSource()))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.sourceName()).isEqualTo("ofac-sdn-single");
                    assertThat(e.url()).isEqualTo(server.url("/sdn.csv"));
                    assertThat(e.reason()).isEqualTo("HTTP 404 (not retried)");
                })
                .hasMessageContaining(server.url("/sdn.csv"));
        assertThat(server.hits("/sdn.csv")).isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThat(cache.resolve("ofac-sdn-single").resolve("current")).doesNotExist();
        assertNoLeftovers("ofac-sdn-single");
    }

    @Test
    void download_failsWithPreviousGoodCopy_returnsStaleCopyUnchanged() throws Exception {
        // given
        server.on("/sdn.csv", ok(SDN_V1), status(500));
        DownloadResult first = downloader().download(sdnSource());

        // when
        DownloadResult second = downloader().download(sdnSource());

        // then
        assertThat(second.stale()).isTrue();
        assertThat(second.origin()).isEqualTo(Origin.LAST_GOOD_COPY);
        assertThat(second.changed()).isFalse();
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(Files.readAllBytes(second.path())).isEqualTo(SDN_V1);
        assertThat(second.files()).isEqualTo(first.files());
        assertThat(second.downloadedAt()).isEqualTo(NOW);
        assertThat(second.messages()).singleElement().asString()
                .contains("HTTP 500 after 3 attempts").contains(server.url("/sdn.csv"))
                .contains("last good copy from 2025-03-04T05:06:07Z");
        assertThat(server.hits("/sdn.csv")).isEqualTo(4);
    }

    @Test
    void download_validatorRejectsNewFile_keepsPreviousCopy() throws Exception {
        // given v1 accepted, then v2 which the "parser" refuses
        server.on("/sdn.csv", ok(SDN_V1), ok(SDN_V2));
        downloader().download(sdnSource());
        List<Path> seen = new ArrayList<>();
        CandidateValidator parser = (source, candidate) -> {
            seen.add(candidate);
            throw new ListParseException(candidate.getFileName().toString(), "line 2",
                    "expected 12 fields, found 11");
        };

        // when
        DownloadResult result = downloader().download(sdnSource(), parser);

        // then the validator saw the candidate under its real name, and v1 is still current
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.getFileName()).hasToString("sdn.csv"));
        assertThat(result.stale()).isTrue();
        assertThat(result.messages()).singleElement().asString()
                .contains("rejected by validator: sdn.csv line 2: expected 12 fields, found 11");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(SDN_V1);
        assertNoLeftovers("ofac-sdn-single");
    }

    @Test
    void download_validatorRejectsWithoutPreviousCopy_throws() {
        // given
        server.on("/sdn.csv", ok(SDN_V1));

        // when / then
        assertThatThrownBy(() -> downloader().download(sdnSource(), (s, p) -> {
            throw new ListParseException("sdn.csv", "line 1", "truncated record");
        })).isInstanceOf(DownloadException.class)
                .hasMessage("ofac-sdn-single: rejected by validator: sdn.csv line 1: truncated record");
        assertThat(cache.resolve("ofac-sdn-single").resolve("current")).doesNotExist();
    }

    @Test
    void download_304WithEtag_reportsUnchangedAndKeepsCurrent() throws Exception {
        // given
        server.on("/resources/xml/en/consolidated.xml", conditional("\"un-1\"", UN_XML));
        DownloadResult first = downloader().download(unSource());
        Instant later = NOW.plus(Duration.ofDays(1));
        settings = settings.withClock(Clock.fixed(later, ZoneOffset.UTC));

        // when
        DownloadResult second = downloader().download(unSource());

        // then
        assertThat(server.request("/resources/xml/en/consolidated.xml", 1).getFirst("If-None-Match"))
                .isEqualTo("\"un-1\"");
        assertThat(second.origin()).isEqualTo(Origin.NOT_MODIFIED);
        assertThat(second.changed()).isFalse();
        assertThat(second.stale()).isFalse();
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(second.files()).isEqualTo(first.files());
        assertThat(second.downloadedAt()).isEqualTo(NOW);
        assertThat(Files.readAllBytes(second.path())).isEqualTo(UN_XML);
        assertThat(Files.readString(second.path().resolveSibling(SourceDownloader.METADATA_FILE), UTF_8))
                .contains("\"checkedAt\" : \"2025-03-05T05:06:07Z\"");
    }

    @Test
    void download_lastModifiedOnly_sendsIfModifiedSince() throws Exception {
        // given
        server.on("/sdn.csv", ok(SDN_V1, "Last-Modified", "Mon, 03 Mar 2025 10:00:00 GMT"), status(304));
        downloader().download(sdnSource());

        // when
        DownloadResult second = downloader().download(sdnSource());

        // then
        assertThat(server.request("/sdn.csv", 0).getFirst("If-Modified-Since")).isNull();
        assertThat(server.request("/sdn.csv", 1).getFirst("If-Modified-Since"))
                .isEqualTo("Mon, 03 Mar 2025 10:00:00 GMT");
        assertThat(second.origin()).isEqualTo(Origin.NOT_MODIFIED);
    }

    @Test
    void download_newContent_changedAndPreviousKept() throws Exception {
        // given
        server.on("/sdn.csv", ok(SDN_V1), ok(SDN_V1), ok(SDN_V2));
        downloader().download(sdnSource());

        // when
        DownloadResult same = downloader().download(sdnSource());
        DownloadResult changed = downloader().download(sdnSource());

        // then
        assertThat(same.origin()).isEqualTo(Origin.DOWNLOADED);
        assertThat(same.changed()).isFalse();
        assertThat(changed.changed()).isTrue();
        assertThat(Files.readAllBytes(changed.path())).isEqualTo(SDN_V2);
        assertThat(changed.files().get(0).sha256()).isEqualTo(Hashing.sha256(SDN_V2));
        Path previous = cache.resolve("ofac-sdn-single").resolve("previous").resolve("sdn.csv");
        assertThat(Files.readAllBytes(previous)).isEqualTo(SDN_V1);
    }

    @Test
    void download_requestTimeout_retriedThenFails() {
        // given a server slower than the 200 ms request timeout
        settings = settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5));
        server.on("/sdn.csv", slow(Duration.ofSeconds(5), SDN_V1));
        long started = System.nanoTime();

        // when / then
        assertThatThrownBy(() -> downloader().download(sdnSource()))
                .isInstanceOf(DownloadException.class)
                .hasMessage("ofac-sdn-single: " + server.url("/sdn.csv")
                        + ": request timed out (no response within 200 ms) after 3 attempts");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void download_expectedSha256Mismatch_rejectedWithoutRetry() {
        // given
        String wrong = "0".repeat(64);
        server.on("/sdn.csv", ok(SDN_V1));
        ConfiguredSource source = new ConfiguredSource("ofac-sdn-single", "ofac-sdn-csv",
                List.of(RemoteFile.of(server.url("/sdn.csv"), wrong)));

        // when / then
        assertThatThrownBy(() -> downloader().download(source))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("SHA-256 mismatch: expected " + wrong + ", got " + Hashing.sha256(SDN_V1));
        assertThat(server.hits("/sdn.csv")).isEqualTo(1);
        assertNoLeftovers("ofac-sdn-single");
    }

    @Test
    void download_expectedSha256Matches_accepted() throws Exception {
        // given
        server.on("/sdn.csv", ok(SDN_V1));
        ConfiguredSource source = new ConfiguredSource("ofac-sdn-single", "ofac-sdn-csv",
                List.of(RemoteFile.of(server.url("/sdn.csv"), Hashing.sha256(SDN_V1).toUpperCase(Locale.ROOT))));

        // when
        DownloadResult result = downloader().download(source);

        // then
        assertThat(result.files().get(0).sha256()).isEqualTo(Hashing.sha256(SDN_V1));
    }

    @Test
    void download_emptyBody_rejected() {
        // given
        server.on("/sdn.csv", ok(new byte[0]));

        // when / then
        assertThatThrownBy(() -> downloader().download(sdnSource()))
                .isInstanceOf(DownloadException.class)
                .hasMessage("ofac-sdn-single: " + server.url("/sdn.csv") + ": empty response (0 bytes)");
    }

    @Test
    void download_nonHttpScheme_rejectedWithClearMessage() {
        // given
        ConfiguredSource ftp = ConfiguredSource.of("un", "un-xml", "ftp://ftp.example.org/consolidated.xml");
        ConfiguredSource file = ConfiguredSource.of("un", "un-xml", "file:///srv/mirror/consolidated.xml");

        // when / then
        assertThatThrownBy(() -> downloader().download(ftp))
                .isInstanceOf(DownloadException.class)
                .hasMessage("un: ftp://ftp.example.org/consolidated.xml: unsupported URL scheme 'ftp': "
                        + "only http and https URLs are allowed");
        assertThatThrownBy(() -> downloader().download(file))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("unsupported URL scheme 'file'");
    }

    @Test
    void download_fileUrlWhenAllowed_copiesOfflineMirror() throws Exception {
        // given
        Path mirror = Files.createDirectories(cache.resolveSibling(cache.getFileName() + "-mirror"));
        Path xml = Files.write(mirror.resolve("consolidated.xml"), UN_XML);
        settings = settings.withAllowFileUrls(true);
        ConfiguredSource source = new ConfiguredSource("un", "un-xml",
                List.of(new RemoteFile(xml.toUri(), "consolidated.xml", null)));

        // when
        DownloadResult result = downloader().download(source);

        // then
        assertThat(Files.readAllBytes(result.path())).isEqualTo(UN_XML);
        assertThat(result.files().get(0).sha256()).isEqualTo(Hashing.sha256(UN_XML));
    }

    @Test
    void download_sizeCapExceededWithContentLength_rejectedAndCleanedUp() {
        // given
        settings = settings.withMaxBytesPerFile(1000);
        server.on("/sdn.csv", ok(new byte[5000]));

        // when / then
        assertThatThrownBy(() -> downloader().download(sdnSource()))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(server.url("/sdn.csv"))
                .hasMessageContaining("response of 5000 bytes (Content-Length) exceeds the cap of 1000 bytes");
        assertThat(server.hits("/sdn.csv")).isEqualTo(1);
        assertNoLeftovers("ofac-sdn-single");
    }

    @Test
    void download_sizeCapExceededWhileStreaming_rejectedAndCleanedUp() {
        // given a chunked response, so the size is only known while reading
        settings = settings.withMaxBytesPerFile(1000);
        server.on("/sdn.csv", okChunked(new byte[200_000]));

        // when / then
        assertThatThrownBy(() -> downloader().download(sdnSource()))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("response exceeds the cap of 1000 bytes (not retried)");
        assertThat(server.hits("/sdn.csv")).isEqualTo(1);
        assertNoLeftovers("ofac-sdn-single");
    }

    @Test
    void download_redirect_followed() throws Exception {
        // given
        server.on("/sdn.csv", status(302, "Location", server.url("/mirror/sdn.csv")))
                .on("/mirror/sdn.csv", ok(SDN_V1));

        // when
        DownloadResult result = downloader().download(sdnSource());

        // then
        assertThat(Files.readAllBytes(result.path())).isEqualTo(SDN_V1);
        assertThat(server.hits("/mirror/sdn.csv")).isEqualTo(1);
    }

    @Test
    void download_interruptedInstall_previousRestoredAndUsedAsLastGoodCopy() throws Exception {
        // given a crash left only previous/ behind
        server.on("/sdn.csv", ok(SDN_V1), status(500));
        downloader().download(sdnSource());
        Path sourceDir = cache.resolve("ofac-sdn-single");
        Files.move(sourceDir.resolve("current"), sourceDir.resolve("previous"));
        Files.createDirectories(sourceDir.resolve("staging-12345"));

        // when
        DownloadResult result = downloader().download(sdnSource());

        // then
        assertThat(result.stale()).isTrue();
        assertThat(result.path()).isEqualTo(sourceDir.resolve("current").resolve("sdn.csv"));
        assertThat(Files.readAllBytes(result.path())).isEqualTo(SDN_V1);
        assertNoLeftovers("ofac-sdn-single");
    }

    @Test
    void download_tamperedCachedCopy_notUsedAsLastGoodCopy() throws Exception {
        // given
        server.on("/sdn.csv", ok(SDN_V1), status(404));
        DownloadResult first = downloader().download(sdnSource());
        Files.write(first.path(), "tampered".getBytes(UTF_8));

        // when / then
        assertThatThrownBy(() -> downloader().download(sdnSource()))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("HTTP 404");
        assertThat(downloader().lastGoodCopy(sdnSource())).isEmpty();
    }

    @Test
    void lastGoodCopy_afterDownload_returnsItWithoutNetwork() throws Exception {
        // given
        server.on("/sdn.csv", ok(SDN_V1));
        downloader().download(sdnSource());

        // when
        DownloadResult cached = downloader().lastGoodCopy(sdnSource()).orElseThrow();

        // then
        assertThat(cached.origin()).isEqualTo(Origin.LAST_GOOD_COPY);
        assertThat(cached.files().get(0).sha256()).isEqualTo(Hashing.sha256(SDN_V1));
        assertThat(server.hits("/sdn.csv")).isEqualTo(1);
    }

    @Test
    void download_logsUrlStatusSizeHashAndNoCredentials() throws Exception {
        // given
        Logger jul = Logger.getLogger(SourceDownloader.class.getName());
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        server.on("/sdn.csv", ok(SDN_V1));
        String secretUrl = server.url("/sdn.csv?token=s3cr3t-t0ken&format=csv")
                .replace("http://", "http://alice:hunter2@");
        try {
            // when
            downloader().download(ConfiguredSource.of("ofac-sdn-single", "ofac-sdn-csv", secretUrl));
        } finally {
            jul.removeHandler(capture);
        }

        // then
        assertThat(logged).anySatisfy(line -> assertThat(line)
                .contains("GET " + server.url("/sdn.csv?token=REDACTED&format=csv") + " -> HTTP 200")
                .contains(SDN_V1.length + " bytes").contains("sha256 " + Hashing.sha256(SDN_V1)).contains(" ms"));
        assertThat(String.join("\n", logged)).doesNotContain("s3cr3t").doesNotContain("hunter2")
                .doesNotContain("alice");
        assertThat(Files.readString(cache.resolve("ofac-sdn-single/current/" + SourceDownloader.METADATA_FILE),
                UTF_8)).doesNotContain("s3cr3t").doesNotContain("hunter2");
    }

    @Test
    void settings_invalidValues_refused() {
        assertThatThrownBy(() -> settings.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> ConfiguredSource.of("../etc", "x", "https://example.org/a.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source name must match");
        assertThatThrownBy(() -> new RemoteFile(URI.create("https://example.org/a"), "../a.csv", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsafe local file name");
    }

    /** Nothing but current/, previous/ and the lock file remain: no staging directory, no .part file. */
    private void assertNoLeftovers(String sourceName) {
        Path dir = cache.resolve(sourceName);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> dir.relativize(p).toString()))
                    .noneMatch(p -> p.contains("staging-") || p.endsWith(".part") || p.endsWith(".tmp"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
