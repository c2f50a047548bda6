package io.vigil.registry.screen.input;

import io.vigil.registry.screen.InputFileException;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens screening input files. Transactions files are told apart by content: one whose first non-blank byte is
 * {@code <} and whose first 16 KB name {@code FIToFICstmrCdtTrf} or the {@code pacs.008} namespace is read as
 * ISO 20022 pacs.008; anything else as CSV. Counterparties files are always CSV.
 *
 * <p>Example: {@code InputFiles.open(Path.of("counterparties.csv"), InputKind.COUNTERPARTIES, null, null)} over
 * {@code id,name,...\nC-1,Choi Cheol-min,person,1978,CN,} yields one {@code InputItem.Record} at line 2 with id
 * {@code C-1} and the value {@code name = "Choi Cheol-min"} (INDIVIDUAL, 1978, CN).
 *
 * <p>A missing, directory or unreadable file throws {@link InputFileException} ("does not exist", "is not a
 * readable file"); an empty file opens a reader with no items. A UTF-8 CSV is checked whole before the first item
 * is returned, so a file in the wrong encoding fails at open, naming the line.
 */
public final class InputFiles {

    static final int SNIFF_BYTES = 16 * 1024;

    private InputFiles() {
    }

    /** Opens {@code file} with the contract layout, UTF-8. */
    public static InputReader open(Path file, InputKind kind) {
        return open(file, kind, null, null);
    }

    /**
     * Opens {@code file}.
     *
     * @param mapping the CSV layout; null for {@link ColumnMapping#defaults}; ignored for pacs.008
     * @param charset the CSV encoding; null for UTF-8 (decoded strictly); ignored for pacs.008, which declares its
     *     own
     * @throws InputFileException when the file cannot be read, is not valid in its encoding, is XML but not
     *     pacs.008, or its CSV header lacks a required column
     */
    public static InputReader open(Path file, InputKind kind, ColumnMapping mapping, Charset charset) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        ColumnMapping m = mapping == null ? ColumnMapping.defaults(kind) : mapping;
        if (m.kind() != kind) {
            throw new IllegalArgumentException("a " + m.kind() + " column mapping cannot read " + kind);
        }
        Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
        InputFormat format = detect(file, kind);
        if (isEmpty(file)) {
            return new EmptyReader();
        }
        return switch (format) {
            case PACS_008 -> new Pacs008Reader(file);
            case COUNTERPARTIES_CSV -> CsvInputReader.open(file, cs, m, new CounterpartyRows());
            case TRANSACTIONS_CSV -> CsvInputReader.open(file, cs, m, new TransactionRows());
        };
    }

    /**
     * The format of {@code file} read as {@code kind}.
     *
     * @throws InputFileException when the file cannot be read, or is XML but not a pacs.008 credit transfer
     */
    public static InputFormat detect(Path file, InputKind kind) {
        requireReadableFile(file);
        if (kind == InputKind.COUNTERPARTIES) {
            return InputFormat.COUNTERPARTIES_CSV;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
        int i = 0;
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= head.length || head[i] != '<') {
            return InputFormat.TRANSACTIONS_CSV;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.contains("FIToFICstmrCdtTrf") || text.contains("urn:iso:std:iso:20022:tech:xsd:pacs.008")) {
            return InputFormat.PACS_008;
        }
        throw new InputFileException(file, "is XML but not an ISO 20022 pacs.008 credit transfer (no "
                + "FIToFICstmrCdtTrf element or pacs.008 namespace in its first " + SNIFF_BYTES / 1024 + " KB)");
    }

    static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new InputFileException(file, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(file, "is not a readable file (it is a directory or a special file)");
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(file, "is not a readable file (permission denied)");
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
    }

    /** The reader of an empty file. */
    static final class EmptyReader implements InputReader {
        @Override
        public InputItem next() {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
