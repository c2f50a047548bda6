package io.vigil.registry.screen.input;

import io.vigil.registry.screen.InputFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams a file once through a strict UTF-8 decoder, naming the line of the first bad byte. */
final class Utf8Check {

    private Utf8Check() {
    }

    static void require(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        long offset = 0;
        try (InputStream s = Files.newInputStream(file)) {
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = s.read(in.array(), in.position(), in.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        in.position(in.position() + n);
                    }
                }
                in.flip();
                int start = in.position();
                CoderResult r = decoder.decode(in, out, eof);
                for (int i = start; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        line++;
                    }
                }
                offset += in.position() - start;
                if (r.isError()) {
                    throw new InputFileException(file, "not valid UTF-8 at line " + line + " (byte " + offset
                            + "); if the file is in another encoding, configure its charset");
                }
                in.compact();
                out.clear();
                if (eof && in.position() == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
    }
}
