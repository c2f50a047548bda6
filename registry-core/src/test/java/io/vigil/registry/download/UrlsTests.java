package io.vigil.registry.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTests {

    @Test
    void redact_userInfo_removed() {
        // given / when
        String redacted = Urls.redact("https://bob:s3cret@lists.example.org:8443/sdn.csv");

        // then
        assertThat(redacted).isEqualTo("https://lists.example.org:8443/sdn.csv");
    }

    @Test
    void redact_tokenAndKeyParameters_valuesHidden() {
        assertThat(Urls.redact("https://example.org/list.xml?token=abc123&format=xml"))
                .isEqualTo("https://example.org/list.xml?token=REDACTED&format=xml");
        assertThat(Urls.redact("https://example.org/list.xml?key=abc&lang=en"))
                .isEqualTo("https://example.org/list.xml?key=REDACTED&lang=en");
        assertThat(Urls.redact("https://example.org/l?api_key=1&access_token=2&X-Amz-Signature=3&password=4"))
                .isEqualTo("https://example.org/l?api_key=REDACTED&access_token=REDACTED"
                        + "&X-Amz-Signature=REDACTED&password=REDACTED");
    }

    @Test
    void redact_longRandomValueUnderInnocentName_hidden() {
        assertThat(Urls.redact("https://example.org/l?id=ZXhhbXBsZS1vcGFxdWUtdG9rZW4tdmFsdWU1234&v=2"))
                .isEqualTo("https://example.org/l?id=REDACTED&v=2");
    }

    @Test
    void redact_plainUrl_unchanged() {
        String url = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV";
        assertThat(Urls.redact(url)).isEqualTo(url);
        assertThat(Urls.redact(URI.create("https://scsanctions.un.org/resources/xml/en/consolidated.xml")))
                .isEqualTo("https://scsanctions.un.org/resources/xml/en/consolidated.xml");
    }

    @Test
    void redact_fragmentAndEncodedCharacters_fragmentDroppedEncodingKept() {
        assertThat(Urls.redact("https://u@example.org/a%20b.csv?q=x%26y#token=abc"))
                .isEqualTo("https://example.org/a%20b.csv?q=x%26y");
    }

    @Test
    void redact_invalidUri_userInfoAndQueryRemoved() {
        assertThat(Urls.redact("https://bob:pw@example.org/a b.csv?token=abc"))
                .isEqualTo("https://example.org/a b.csv?REDACTED");
    }

    @Test
    void redact_fileUri_pathKept() {
        assertThat(Urls.redact("file:///srv/mirror/sdn.csv")).isEqualTo("file:///srv/mirror/sdn.csv");
        assertThat(Urls.redact(URI.create("file:/srv/mirror/sdn.csv"))).isEqualTo("file:/srv/mirror/sdn.csv");
    }
}
