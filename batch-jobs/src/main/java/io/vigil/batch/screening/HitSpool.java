package io.vigil.batch.screening;

import io.vigil.registry.alert.AlertStatus;
import io.vigil.registry.match.Decision;
import io.vigil.reports.RunReport;
import io.vigil.reports.RunReport.ReportHit;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run's hits as typed records in a private binary file, written during the one pass that reads them from the
 * database, so the workbook and the PDF iterate the same records without reading the database again. The file is
 * deleted on {@link #close()}.
 */
final class HitSpool implements AutoCloseable {

    private static final AlertStatus[] STATUSES = AlertStatus.values();
    private static final Decision[] DECISIONS = Decision.values();

    private final Path file;
    private DataOutputStream out;

    HitSpool(Path dir) throws IOException {
        this.file = Files.createTempFile(dir, ".hits-", ".spool");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    void add(ReportHit h) {
        try {
            out.writeLong(h.line());
            string(h.recordId());
            string(h.field());
            string(h.screenedValue());
            string(h.kind());
            string(h.partyId());
            out.writeInt(h.linkedIds().size());
            for (String id : h.linkedIds()) {
                string(id);
            }
            string(h.matchedName());
            string(h.nameQuality());
            out.writeDouble(h.score());
            out.writeByte(h.decision().ordinal());
            string(h.reasons());
            out.writeInt(h.citations().size());
            for (int n : h.citations()) {
                out.writeInt(n);
            }
            string(h.alertId());
            out.writeByte(h.status() == null ? -1 : h.status().ordinal());
            string(h.decisionRef());
            string(h.statusNote());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Ends writing; the hits can then be read, as often as needed. */
    RunReport.Rows<ReportHit> rows() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this::forEach;
    }

    private void forEach(Consumer<? super ReportHit> action) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                long line;
                try {
                    line = in.readLong();
                } catch (EOFException end) {
                    return;
                }
                String recordId = string(in);
                String field = string(in);
                String value = string(in);
                String kind = string(in);
                String partyId = string(in);
                int linkedCount = in.readInt();
                List<String> linked = new ArrayList<>(linkedCount);
                for (int i = 0; i < linkedCount; i++) {
                    linked.add(string(in));
                }
                String matchedName = string(in);
                String quality = string(in);
                double score = in.readDouble();
                Decision decision = DECISIONS[in.readByte()];
                String reasons = string(in);
                int citationCount = in.readInt();
                List<Integer> citations = new ArrayList<>(citationCount);
                for (int i = 0; i < citationCount; i++) {
                    citations.add(in.readInt());
                }
                String alertId = string(in);
                byte status = in.readByte();
                String decisionRef = string(in);
                String note = string(in);
                action.accept(new ReportHit(line, recordId, field, value, kind, partyId, linked, matchedName,
                        quality, score, decision, reasons, citations, alertId, status < 0 ? null : STATUSES[status],
                        decisionRef, note));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private void string(String s) throws IOException {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
