package io.vigil.registry.text;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffered {@link Writer} for one thread. {@link java.io.BufferedWriter} takes a lock on every call, and writers
 * that emit one character at a time (POI's sheet writer, a CSV printer) pay it millions of times on a big run's
 * outputs; this one does not lock. Not thread-safe: give each thread its own.
 */
public final class UnsynchronizedWriter extends Writer {

    private final Writer out;
    private final char[] buffer = new char[1 << 16];
    private int size;

    public UnsynchronizedWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (size == buffer.length) {
            drain();
        }
        buffer[size++] = (char) c;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        if (len >= buffer.length) {
            drain();
            out.write(chars, off, len);
            return;
        }
        if (len > buffer.length - size) {
            drain();
        }
        System.arraycopy(chars, off, buffer, size, len);
        size += len;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        while (len > 0) {
            if (size == buffer.length) {
                drain();
            }
            int n = Math.min(len, buffer.length - size);
            s.getChars(off, off + n, buffer, size);
            size += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) throws IOException {
        CharSequence s = csq == null ? "null" : csq;
        if (s instanceof String str) {
            write(str, start, end - start);
        } else {
            for (int i = start; i < end; i++) {
                write(s.charAt(i));
            }
        }
        return this;
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        CharSequence s = csq == null ? "null" : csq;
        return append(s, 0, s.length());
    }

    private void drain() throws IOException {
        if (size > 0) {
            out.write(buffer, 0, size);
            size = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        drain();
        out.close();
    }
}
