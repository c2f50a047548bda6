package io.vigil.registry.testing;

/**
 * The hostile DOCTYPEs every XML parser test feeds its parser, so each test writes only its own document around
 * them. Both are one line ending in a line break, so the DOCTYPE stands on the line where it is inserted.
 *
 * <p>Example: {@code "<?xml version=\"1.0\"?>\n" + HostileXml.xxeDoctype("sdnList") + "<sdnList>&xxe;</sdnList>"}
 * is an XXE attempt on {@code /etc/passwd} with its DOCTYPE on line 2.
 */
public final class HostileXml {

    private HostileXml() {
    }

    /**
     * A DOCTYPE for {@code root} declaring the external entity {@code &xxe;} that points at
     * {@code file:///etc/passwd}: {@code <!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>}.
     */
    public static String xxeDoctype(String root) {
        return "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
    }

    /**
     * The "billion laughs" DOCTYPE for {@code root}: {@code &lol;} is "lol" and each of {@code &lol1;} …
     * {@code &lol9;} is ten of the one before, so {@code &lol9;} would expand to 10^9 "lol"s.
     */
    public static String billionLaughsDoctype(String root) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>\n").toString();
    }
}
