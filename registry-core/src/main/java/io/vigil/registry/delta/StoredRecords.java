package io.vigil.registry.delta;

import io.vigil.registry.model.PartyType;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The screened values of a batch of records in a compact binary form (deflated), so that a night's payments can be
 * kept for a lookback at a few dozen bytes each: line, record id, and each value with its field, kind, type, date of
 * birth and country. {@code decode(encode(records))} equals {@code records}.
 */
public final class StoredRecords {

    private static final int FORMAT = 1;

    private StoredRecords() {
    }

    public static byte[] encode(List<InputRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes,
                new Deflater(Deflater.BEST_SPEED), 8192))) {
            out.writeInt(FORMAT);
            out.writeInt(records.size());
            for (InputRecord r : records) {
                out.writeLong(r.line());
                writeString(out, r.recordId());
                out.writeShort(r.values().size());
                for (ScreenedValue v : r.values()) {
                    writeString(out, v.field());
                    writeString(out, v.value());
                    out.writeByte(v.kind().ordinal());
                    out.writeByte(v.type() == null ? -1 : v.type().ordinal());
                    writeString(out, v.dateOfBirth());
                    writeString(out, v.country());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static List<InputRecord> decode(byte[] encoded) {
        // inflated whole, then read from the array: a DataInputStream on the inflater would inflate byte by byte
        byte[] raw;
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(encoded))) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("stored records cannot be read: " + e.getMessage(), e);
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(raw); // big-endian, as DataOutputStream writes
        try {
            if (in.getInt() != FORMAT) {
                throw new IllegalArgumentException("stored records of an unknown format");
            }
            int n = in.getInt();
            List<InputRecord> out = new ArrayList<>(n);
            ScreenedValue.Kind[] kinds = ScreenedValue.Kind.values();
            PartyType[] types = PartyType.values();
            for (int i = 0; i < n; i++) {
                long line = in.getLong();
                String id = readString(in);
                int values = in.getShort();
                List<ScreenedValue> vs = new ArrayList<>(values);
                for (int k = 0; k < values; k++) {
                    String field = readString(in);
                    String value = readString(in);
                    ScreenedValue.Kind kind = kinds[in.get()];
                    int type = in.get();
                    vs.add(new ScreenedValue(field, value, kind, type < 0 ? null : types[type], readString(in),
                            readString(in)));
                }
                out.add(new InputRecord(line, id, vs));
            }
            return out;
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("stored records cannot be read: cut short", e);
        }
    }

    /** UTF-8 with an int length (values may pass 64 KB), -1 for null. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(java.nio.ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        if (n > in.remaining()) {
            throw new java.nio.BufferUnderflowException();
        }
        String s = new String(in.array(), in.position(), n, java.nio.charset.StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }
}
