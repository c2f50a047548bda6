package io.vigil.registry.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.testing.HostileXml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlListFileTests {

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Reads every element name into {@code names}, counting {@code <item>}s so failures can name the record. */
    private static final class Names {
        final List<String> names = new ArrayList<>();
        int items;

        String where() {
            return items == 0 ? null : "item #" + items;
        }

        void read(javax.xml.stream.XMLStreamReader r) throws javax.xml.stream.XMLStreamException {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    names.add(r.getLocalName());
                    if (r.getLocalName().equals("item")) {
                        items++;
                    }
                }
            }
        }
    }

    @Test
    void read_fileWithBom_readsEveryElement() throws Exception {
        // given a small list with a UTF-8 byte-order mark
        Path f = write("list.xml", "\uFEFF<?xml version=\"1.0\"?>\n<list><item/><item/></list>\n");
        Names body = new Names();

        // when
        XmlListFile.read(f, body::where, body::read);

        // then
        assertThat(body.names).containsExactly("list", "item", "item");
    }

    @Test
    void read_truncatedFile_namesFileLineRecordAndTruncation() throws Exception {
        // given a list cut off inside its second item, on line 3
        Path f = write("cut.xml", "<?xml version=\"1.0\"?>\n<list><item/>\n<item><name>AB");
        Names body = new Names();

        // when / then
        assertThatThrownBy(() -> XmlListFile.read(f, body::where, body::read))
                .isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("cut.xml line 3, column 15, in item #2: malformed XML: "
                        + "file ends in the middle of the XML (truncated?): ");
    }

    @Test
    void read_doctype_isRefusedNamingFileAndLine() throws Exception {
        // given an XXE attempt with its DOCTYPE on line 2
        Path f = write("xxe.xml", "<?xml version=\"1.0\"?>\n" + HostileXml.xxeDoctype("list") + "<list>&xxe;</list>");
        Names body = new Names();

        // when / then
        assertThatThrownBy(() -> XmlListFile.read(f, body::where, body::read))
                .isInstanceOf(ListParseException.class)
                .hasMessage("xxe.xml line 2: refused: DOCTYPE declarations are not allowed "
                        + "(possible XXE or entity expansion)");
    }

    @Test
    void read_streamFailingWithInputRefused_reportsItsReasonInTheRecord() {
        // given a stream that refuses to go on after its first bytes, as a zip-bomb guard does
        byte[] head = "<?xml version=\"1.0\"?>\n<list><item/><item>".getBytes(StandardCharsets.UTF_8);
        InputStream in = new InputStream() {
            private final ByteArrayInputStream bytes = new ByteArrayInputStream(head);

            @Override
            public int read() throws java.io.IOException {
                int b = bytes.read();
                if (b < 0) {
                    throw new XmlListFile.InputRefused("entry \"list.xml\" inflates past 10 bytes (zip bomb guard)");
                }
                return b;
            }
        };
        Names body = new Names();

        // when / then
        assertThatThrownBy(() -> XmlListFile.read("list.zip", in, body::where, body::read))
                .isInstanceOf(ListParseException.class)
                .hasMessage("list.zip in item #2: entry \"list.xml\" inflates past 10 bytes (zip bomb guard)");
    }
}
