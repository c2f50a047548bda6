package io.vigil.registry.screen.input;

import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.screen.InputFileException;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RejectedRecord;
import io.vigil.registry.screen.ScreenedValue;
import io.vigil.registry.screen.ScreenedValue.Kind;
import io.vigil.registry.source.SecureXml;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the {@code CdtTrfTxInf} of an ISO 20022 pacs.008 file (versions .001.02 to .001.10, matched by local
 * name whatever the namespace), one record each, id {@code PmtId/TxId} or else {@code PmtId/EndToEndId}.
 *
 * <p>Values, in document order: for each party ({@code Dbtr}, {@code Cdtr}, {@code UltmtDbtr}, {@code UltmtCdtr},
 * {@code InitgPty}) its {@code Nm} as NAME (field {@code Dbtr}; type from {@code Id/PrvtId} or {@code Id/OrgId},
 * date of birth from {@code PrvtId/DtAndPlcOfBirth/BirthDt}, country from the address), {@code PstlAdr/Ctry} as
 * COUNTRY ({@code Dbtr.Ctry}), {@code CtryOfRes} ({@code Dbtr.CtryOfRes}) and {@code Id/OrgId/AnyBIC} as BIC
 * ({@code Dbtr.BIC}); for each agent ({@code DbtrAgt}, {@code CdtrAgt}, {@code IntrmyAgt1..3}, {@code InstgAgt},
 * {@code InstdAgt}, {@code PrvsInstgAgt1..3}) {@code FinInstnId/Nm} as NAME (organization), {@code BICFI} or
 * {@code BIC} as BIC ({@code CdtrAgt.BIC}) and {@code FinInstnId/PstlAdr/Ctry} as COUNTRY; then the parties and
 * agents of {@code GrpHdr} the transaction does not name itself; then each {@code RmtInf/Ustrd} as FREE_TEXT.
 */
final class Pacs008Reader implements InputReader {

    private static final Set<String> PARTIES = Set.of("Dbtr", "Cdtr", "UltmtDbtr", "UltmtCdtr", "InitgPty");
    private static final Set<String> AGENTS = Set.of("DbtrAgt", "CdtrAgt", "IntrmyAgt1", "IntrmyAgt2",
            "IntrmyAgt3", "InstgAgt", "InstdAgt", "PrvsInstgAgt1", "PrvsInstgAgt2", "PrvsInstgAgt3");
    private static final Pattern STAX_PREFIX = Pattern.compile("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*"
            + "Message:\\s*");

    private final Path file;
    private final InputStream in;
    private final XMLStreamReader xml;
    private Block group = new Block(0);
    private boolean done;

    Pacs008Reader(Path file) {
        this.file = file;
        InputStream s = null;
        try {
            s = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
            this.xml = SecureXml.reader(s);
            this.in = s;
        } catch (IOException e) {
            closeQuietly(s);
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            closeQuietly(s);
            throw fail(e);
        }
    }

    @Override
    public InputItem next() {
        if (done) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "FIToFICstmrCdtTrf" -> group = new Block(0);
                    case "GrpHdr" -> group = readBlock(xml.getLocation().getLineNumber());
                    case "CdtTrfTxInf" -> {
                        return transaction(readBlock(xml.getLocation().getLineNumber()));
                    }
                    default -> {
                        // envelopes, headers: look inside
                    }
                }
            }
            done = true;
            return null;
        } catch (XMLStreamException e) {
            done = true;
            throw fail(e);
        }
    }

    private InputItem transaction(Block tx) {
        String id = tx.txId != null && !tx.txId.isEmpty() ? tx.txId : tx.endToEndId;
        if (id == null || id.isEmpty()) {
            return new InputItem.Rejected(new RejectedRecord(tx.line, "", "no TxId or EndToEndId"));
        }
        String problem = tx.problem != null ? tx.problem : group.problem;
        if (problem != null) {
            return new InputItem.Rejected(new RejectedRecord(tx.line, id, problem));
        }
        List<ScreenedValue> values = new ArrayList<>();
        for (Party p : tx.parties.values()) {
            p.emit(values);
        }
        for (Party p : group.parties.values()) {
            if (!tx.parties.containsKey(p.top)) {
                p.emit(values);
            }
        }
        values.addAll(tx.remittance);
        return new InputItem.Record(new InputRecord(tx.line, id, values));
    }

    /** Reads from just after the start tag of a GrpHdr or CdtTrfTxInf to its end tag. */
    private Block readBlock(long line) throws XMLStreamException {
        Block b = new Block(line);
        List<String> path = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) {
                    return b;
                }
                path.remove(path.size() - 1);
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                path.add(xml.getLocalName());
                if (start(b, path)) {
                    String text = xml.getElementText().strip();
                    leaf(b, path, text);
                    path.remove(path.size() - 1);
                }
            }
        }
    }

    /** Notes the element just opened; true when it is a leaf whose text is wanted. */
    private static boolean start(Block b, List<String> p) {
        String top = p.get(0);
        int n = p.size();
        String last = p.get(n - 1);
        if (n == 1) {
            if (PARTIES.contains(top) || AGENTS.contains(top)) {
                b.parties.computeIfAbsent(top, t -> new Party(t, AGENTS.contains(t)));
            }
            return false;
        }
        if (top.equals("PmtId")) {
            return n == 2 && (last.equals("TxId") || last.equals("EndToEndId"));
        }
        if (top.equals("RmtInf")) {
            return n == 2 && last.equals("Ustrd");
        }
        Party party = b.parties.get(top);
        if (party == null) {
            return false;
        }
        if (party.agent) {
            return p.get(1).equals("FinInstnId") && (n == 3 && (last.equals("Nm") || last.equals("BICFI")
                    || last.equals("BIC")) || n == 4 && p.get(2).equals("PstlAdr") && last.equals("Ctry"));
        }
        if (n == 2) {
            return last.equals("Nm") || last.equals("CtryOfRes");
        }
        if (n == 3 && p.get(1).equals("PstlAdr")) {
            return last.equals("Ctry");
        }
        if (p.get(1).equals("Id")) {
            if (n == 3) {
                if (last.equals("PrvtId")) {
                    party.type = PartyType.INDIVIDUAL;
                } else if (last.equals("OrgId")) {
                    party.type = PartyType.ORGANIZATION;
                }
                return false;
            }
            return n == 4 && p.get(2).equals("OrgId") && (last.equals("AnyBIC") || last.equals("BICOrBEI"))
                    || n == 5 && p.get(3).equals("DtAndPlcOfBirth") && last.equals("BirthDt");
        }
        return false;
    }

    private static void leaf(Block b, List<String> p, String text) {
        if (text.isEmpty()) {
            return;
        }
        String top = p.get(0);
        String last = p.get(p.size() - 1);
        if (top.equals("PmtId")) {
            if (last.equals("TxId")) {
                b.txId = text;
            } else {
                b.endToEndId = text;
            }
            return;
        }
        if (top.equals("RmtInf")) {
            b.remittance.add(new ScreenedValue("RmtInf.Ustrd", text, Kind.FREE_TEXT, null, null, null));
            return;
        }
        Party party = b.parties.get(top);
        try {
            switch (last) {
                case "Nm" -> party.name = text;
                case "BICFI", "BIC", "AnyBIC", "BICOrBEI" -> party.bic = text;
                case "Ctry" -> party.ctry = Values.country(text, top + ".Ctry");
                case "CtryOfRes" -> party.ctryOfRes = Values.country(text, top + ".CtryOfRes");
                case "BirthDt" -> party.dob = MatchQuery.parseDate(text).text();
                default -> throw new IllegalStateException("unexpected leaf " + p);
            }
        } catch (IllegalArgumentException e) {
            if (b.problem == null) {
                b.problem = e.getMessage();
            }
        }
    }

    private InputFileException fail(XMLStreamException e) {
        return malformed(file, e);
    }

    /** The failure of a file that is not well-formed XML, naming the line and the reason. */
    static InputFileException malformed(Path file, XMLStreamException e) {
        long line = e.getLocation() != null ? e.getLocation().getLineNumber() : -1;
        String reason = STAX_PREFIX.matcher(String.valueOf(e.getMessage())).replaceFirst("").strip();
        if (reason.contains("must start and end within the same entity") || reason.contains("end of file")) {
            reason = reason + " (the file is truncated)";
        }
        return new InputFileException(file, "malformed XML" + (line > 0 ? " at line " + line : "") + ": "
                + reason, e);
    }

    @Override
    public void close() throws IOException {
        done = true;
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream is closed below
        }
        in.close();
    }

    private static void closeQuietly(InputStream s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    private static final class Block {
        final long line;
        final Map<String, Party> parties = new LinkedHashMap<>();
        final List<ScreenedValue> remittance = new ArrayList<>();
        String txId;
        String endToEndId;
        String problem;

        Block(long line) {
            this.line = line;
        }
    }

    private static final class Party {
        final String top;
        final boolean agent;
        String name;
        String ctry;
        String ctryOfRes;
        String bic;
        String dob;
        PartyType type;

        Party(String top, boolean agent) {
            this.top = top;
            this.agent = agent;
        }

        void emit(List<ScreenedValue> out) {
            if (name != null) {
                out.add(ScreenedValue.name(top, name, agent ? PartyType.ORGANIZATION : type, agent ? null : dob,
                        ctry != null ? ctry : ctryOfRes));
            }
            if (agent && bic != null) {
                out.add(new ScreenedValue(top + ".BIC", bic, Kind.BIC, null, null, null));
            }
            if (ctry != null) {
                out.add(new ScreenedValue(top + ".Ctry", ctry, Kind.COUNTRY, null, null, null));
            }
            if (ctryOfRes != null) {
                out.add(new ScreenedValue(top + ".CtryOfRes", ctryOfRes, Kind.COUNTRY, null, null, null));
            }
            if (!agent && bic != null) {
                out.add(new ScreenedValue(top + ".BIC", bic, Kind.BIC, null, null, null));
            }
        }
    }
}
