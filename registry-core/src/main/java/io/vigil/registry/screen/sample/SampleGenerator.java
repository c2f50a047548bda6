package io.vigil.registry.screen.sample;

import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes realistic synthetic input files (counterparties and transactions CSV, the headers of the CLI contract)
 * for benchmarks and demos, with listed names planted at a chosen rate.
 *
 * <p>Names come from thirteen locales (the evaluation set's hand-written name data, copied to
 * {@code names-<locale>.tsv} beside this class): people as their locale writes them, companies as brand + industry +
 * legal form. With probability {@code hitRate} a row carries a listed individual or organization (from
 * {@code listed}, Latin-script strong names only) in a variant spelling: word order swapped, case changed,
 * hyphenation changed, a one-letter typo in a long word, or a romanization swap (Choe → Choi, Chol → Cheol,
 * Mohammed → Muhammad…), with its year of birth when known. Transactions carry value dates in 2024, amounts with
 * two decimals, seven currencies, real-world bank names and remittance texts from templates; a planted transaction
 * names the listed party as beneficiary, originator, or only in the remittance text; about 1% of beneficiary
 * countries are KP, IR, SY or CU.
 *
 * <p>Deterministic: the same listed parties, seed and rate give the same bytes. Not thread-safe (one generator per
 * file). Example: {@code new SampleGenerator(parties, 42, 0.01).writeTransactions(writer, 1_000_000)} →
 * {@code SampleStats(1000000, ~10000)}, about 130 MB in a few seconds.
 */
public final class SampleGenerator {

    public static final String COUNTERPARTIES_HEADER = "id,name,type,date_of_birth,country,address";
    public static final String TRANSACTIONS_HEADER = "id,value_date,amount,currency,originator_name,"
            + "originator_country,originator_bank,beneficiary_name,beneficiary_country,beneficiary_bank,"
            + "intermediary_bank,remittance_info";

    private static final String[] LOCALES = {"english", "spanish", "french", "german", "russian", "arabic",
        "persian", "turkish", "indian", "chinese", "japanese", "korean", "vietnamese"};
    /** Countries of each locale, in LOCALES order; the first is the most frequent. */
    private static final String[][] COUNTRIES = {{"GB", "US", "US", "CA", "AU", "IE", "SG"},
        {"ES", "MX", "AR", "CO", "PE", "CL"}, {"FR", "FR", "BE", "CH", "CA"}, {"DE", "DE", "AT", "CH"},
        {"RU", "RU", "KZ", "BY", "AM", "CY"}, {"AE", "SA", "EG", "JO", "LB", "QA"}, {"AE", "DE", "GB", "CA", "TR"},
        {"TR", "TR", "DE"}, {"IN", "IN", "AE", "GB"}, {"CN", "CN", "HK", "SG", "MY"}, {"JP"}, {"KR", "KR", "US"},
        {"VN", "VN", "US"}};
    private static final String[] EMBARGOED = {"KP", "IR", "SY", "CU"};
    private static final String[] CITIES = {"GB", "London", "US", "New York", "CA", "Toronto", "AU", "Sydney", "IE",
        "Dublin", "SG", "Singapore", "ES", "Madrid", "MX", "Mexico City", "AR", "Buenos Aires", "CO", "Bogota",
        "PE", "Lima", "CL", "Santiago", "FR", "Lyon", "BE", "Brussels", "CH", "Zurich", "DE", "Hamburg", "AT",
        "Vienna", "RU", "Moscow", "KZ", "Almaty", "BY", "Minsk", "AM", "Yerevan", "CY", "Limassol", "AE", "Dubai",
        "SA", "Riyadh", "EG", "Cairo", "JO", "Amman", "LB", "Beirut", "QA", "Doha", "TR", "Istanbul", "IN",
        "Mumbai", "HK", "Hong Kong", "MY", "Kuala Lumpur", "CN", "Shanghai", "JP", "Osaka", "KR", "Seoul", "VN",
        "Ho Chi Minh City", "KP", "Pyongyang", "IR", "Tehran", "SY", "Damascus", "CU", "Havana"};
    private static final String[] STREETS = {"Harbour Road", "Station Street", "Market Square", "Park Avenue",
        "Industrial Estate", "Commerce Boulevard", "Riverside Drive", "Central Plaza", "Tower Block B",
        "Free Zone Office"};
    private static final String[] BANKS = {"HSBC Bank plc", "Barclays Bank PLC", "JPMorgan Chase Bank, N.A.",
        "Citibank N.A.", "Bank of America, N.A.", "Wells Fargo Bank, N.A.", "Deutsche Bank AG", "Commerzbank AG",
        "BNP Paribas SA", "Societe Generale", "Credit Agricole CIB", "Banco Santander, S.A.", "BBVA",
        "UniCredit S.p.A.", "ING Bank N.V.", "Rabobank", "UBS Switzerland AG", "Zurcher Kantonalbank",
        "Raiffeisen Bank International AG", "Standard Chartered Bank", "DBS Bank Ltd", "OCBC Bank",
        "Bank of China Limited", "Industrial and Commercial Bank of China", "China Construction Bank",
        "MUFG Bank, Ltd.", "Sumitomo Mitsui Banking Corporation", "Mizuho Bank, Ltd.", "Kookmin Bank",
        "Shinhan Bank", "Woori Bank", "Vietcombank", "State Bank of India", "HDFC Bank Limited",
        "Emirates NBD Bank PJSC", "First Abu Dhabi Bank", "Qatar National Bank", "Turkiye Is Bankasi A.S.",
        "Garanti BBVA", "Royal Bank of Canada", "Commonwealth Bank of Australia", "Banco do Brasil S.A.",
        "Bancolombia S.A.", "BBVA Mexico", "Nordea Bank Abp", "Danske Bank A/S"};
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "EUR", "GBP", "CNY", "KRW", "JPY",
        "CHF"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    /** Romanization and spelling swaps for planted names (lower case, both ways where natural). */
    private static final String[][] SWAPS = {{"choe", "choi"}, {"chol", "cheol"}, {"jong", "jeong"},
        {"kim", "gim"}, {"ri", "lee"}, {"pak", "park"}, {"son", "sohn"}, {"mohammed", "muhammad"},
        {"mohammad", "mohamed"}, {"muhammad", "mohammed"}, {"ahmed", "ahmad"}, {"hussein", "husain"},
        {"hassan", "hasan"}, {"yusuf", "yousef"}, {"abdul", "abdel"}, {"sergei", "sergey"},
        {"aleksandr", "alexander"}, {"yevgeny", "evgeny"}, {"yuri", "yury"}, {"nikolai", "nikolay"},
        {"andrei", "andrey"}, {"mikhail", "michael"}, {"qasem", "ghasem"}, {"zhang", "chang"}};

    private final List<Planted> listed;
    private final List<Locale_> locales;
    private final SplittableRandom random;
    private final double hitRate;
    private final LocalDate firstValueDate = LocalDate.of(2024, 1, 1);

    /** A listed party usable for planting: its Latin-script strong names, its type and year of birth. */
    private record Planted(List<String> names, boolean person, int birthYear, String country) {
    }

    /** The name parts of one locale. */
    private record Locale_(List<String> givenM, List<String> givenF, List<String> middle, List<String> surnames,
            List<String> patronymicM, List<String> patronymicF, List<String> brands, List<String> industries,
            List<String> legalPre, List<String> legalPost) {
    }

    /**
     * @param listed the listed parties to plant (may be empty: nothing is planted)
     * @param seed the random seed
     * @param hitRate the share of rows carrying a listed name, 0 to 1
     */
    public SampleGenerator(List<Party> listed, long seed, double hitRate) {
        if (!(hitRate >= 0 && hitRate <= 1)) {
            throw new IllegalArgumentException("hit rate must be between 0 and 1, got " + hitRate);
        }
        this.hitRate = hitRate;
        this.random = new SplittableRandom(seed);
        this.listed = plantable(listed);
        List<Locale_> ls = new ArrayList<>();
        for (String l : LOCALES) {
            ls.add(load(l));
        }
        this.locales = List.copyOf(ls);
    }

    private static List<Planted> plantable(List<Party> parties) {
        List<Party> sorted = new ArrayList<>(parties);
        sorted.sort(Comparator.comparing(Party::id));
        List<Planted> out = new ArrayList<>();
        for (Party p : sorted) {
            if (p.type() != PartyType.INDIVIDUAL && p.type() != PartyType.ORGANIZATION) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (PartyName n : p.names()) {
                if (n.quality() == NameQuality.STRONG && "Latn".equals(n.script()) && n.fullName().length() >= 5) {
                    names.add(n.fullName());
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            int year = 0;
            for (PartialDate d : p.datesOfBirth()) {
                LocalDate from = d.earliest();
                if (from != null && d.latest() != null && from.getYear() == d.latest().getYear()) {
                    year = from.getYear();
                    break;
                }
            }
            String country = null;
            for (String n : p.nationalities()) {
                if (n.length() == 2) {
                    country = n;
                    break;
                }
            }
            if (country == null) {
                for (var a : p.addresses()) {
                    if (a.countryCode() != null && a.countryCode().length() == 2) {
                        country = a.countryCode();
                        break;
                    }
                }
            }
            out.add(new Planted(List.copyOf(names), p.type() == PartyType.INDIVIDUAL, year, country));
        }
        return List.copyOf(out);
    }

    private static Locale_ load(String locale) {
        List<String> gm = new ArrayList<>();
        List<String> gf = new ArrayList<>();
        List<String> mid = new ArrayList<>();
        List<String> sur = new ArrayList<>();
        List<String> pm = new ArrayList<>();
        List<String> pf = new ArrayList<>();
        List<String> br = new ArrayList<>();
        List<String> ind = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        List<String> post = new ArrayList<>();
        String file = "names-" + locale + ".tsv";
        try (InputStream in = SampleGenerator.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " missing beside SampleGenerator");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < 3) {
                    continue;
                }
                String g = c[1];
                String v = c[2].strip();
                switch (c[0]) {
                    case "given" -> {
                        if (!g.equals("F")) {
                            gm.add(v);
                        }
                        if (!g.equals("M")) {
                            gf.add(v);
                        }
                    }
                    case "middle" -> mid.add(v);
                    case "surname" -> sur.add(v);
                    case "patronymic" -> (g.equals("F") ? pf : pm).add(v);
                    case "brand" -> br.add(v);
                    case "industry" -> ind.add(v);
                    case "legal" -> (g.equals("pre") ? pre : post).add(v);
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Locale_(List.copyOf(gm), List.copyOf(gf.isEmpty() ? gm : gf), List.copyOf(mid),
                List.copyOf(sur), List.copyOf(pm), List.copyOf(pf), List.copyOf(br), List.copyOf(ind),
                List.copyOf(pre), List.copyOf(post));
    }

    // ---- writers ----

    /** Writes the counterparties header and {@code rows} rows; the writer is flushed, not closed. */
    public SampleStats writeCounterparties(Writer out, long rows) throws IOException {
        BufferedWriter w = new BufferedWriter(out, 1 << 16);
        w.write(COUNTERPARTIES_HEADER);
        w.write('\n');
        StringBuilder sb = new StringBuilder(256);
        long planted = 0;
        Person p = new Person();
        for (long i = 1; i <= rows; i++) {
            sb.setLength(0);
            boolean plant = plant();
            if (plant) {
                planted++;
                plantInto(p);
            } else {
                randomParty(p, random.nextInt(10) < 7);
            }
            sb.append("CP").append(pad(i, 9)).append(',');
            csv(sb, p.name).append(',');
            sb.append(p.person ? "person" : "organization").append(',');
            if (p.person && p.birthYear > 0) {
                int style = random.nextInt(10);
                sb.append(p.birthYear);
                if (style < 7 && !plant) { // a planted row gives the listed year only
                    sb.append('-').append(pad(1 + random.nextInt(12), 2)).append('-')
                            .append(pad(1 + random.nextInt(28), 2));
                }
            }
            sb.append(',').append(p.country).append(',');
            csv(sb, address(p.country));
            sb.append('\n');
            w.append(sb);
        }
        w.flush();
        return new SampleStats(rows, planted);
    }

    /** Writes the transactions header and {@code rows} rows; the writer is flushed, not closed. */
    public SampleStats writeTransactions(Writer out, long rows) throws IOException {
        BufferedWriter w = new BufferedWriter(out, 1 << 16);
        w.write(TRANSACTIONS_HEADER);
        w.write('\n');
        StringBuilder sb = new StringBuilder(512);
        long planted = 0;
        Person orig = new Person();
        Person bene = new Person();
        Person hit = new Person();
        for (long i = 1; i <= rows; i++) {
            sb.setLength(0);
            randomParty(orig, random.nextInt(10) < 4);
            randomParty(bene, random.nextInt(10) < 4);
            String mention = null;
            if (plant()) {
                planted++;
                plantInto(hit);
                int where = random.nextInt(20);
                if (where < 12) {
                    bene.copy(hit);
                } else if (where < 17) {
                    orig.copy(hit);
                } else {
                    mention = hit.name;
                }
            }
            if (random.nextInt(100) == 0) {
                bene.country = EMBARGOED[random.nextInt(EMBARGOED.length)];
            }
            sb.append("TX").append(pad(i, 10)).append(',');
            sb.append(firstValueDate.plusDays(random.nextInt(366))).append(',');
            long cents = amountCents();
            sb.append(cents / 100).append('.').append(pad(cents % 100, 2)).append(',');
            sb.append(CURRENCIES[random.nextInt(CURRENCIES.length)]).append(',');
            csv(sb, orig.name).append(',').append(orig.country).append(',');
            csv(sb, pick(BANKS)).append(',');
            csv(sb, bene.name).append(',').append(bene.country).append(',');
            csv(sb, pick(BANKS)).append(',');
            if (random.nextInt(10) < 3) {
                csv(sb, pick(BANKS));
            }
            sb.append(',');
            csv(sb, remittance(mention));
            sb.append('\n');
            w.append(sb);
        }
        w.flush();
        return new SampleStats(rows, planted);
    }

    private boolean plant() {
        return !listed.isEmpty() && hitRate > 0 && random.nextDouble() < hitRate;
    }

    private long amountCents() {
        int scale = random.nextInt(10);
        long max = scale < 5 ? 500_000L : scale < 9 ? 5_000_000L : 500_000_000L;
        return 100 + random.nextLong(max);
    }

    private String remittance(String mention) {
        int n = 1000 + random.nextInt(900_000);
        if (mention != null) {
            return switch (random.nextInt(4)) {
                case 0 -> "Payment for goods to " + mention + ", invoice " + n;
                case 1 -> "Invoice " + n + " " + mention;
                case 2 -> "On behalf of " + mention + " ref " + n;
                default -> "Consulting fees " + mention + " contract " + n;
            };
        }
        String month = MONTHS[random.nextInt(12)];
        return switch (random.nextInt(12)) {
            case 0 -> "Invoice " + n;
            case 1 -> "Payment for goods, invoice " + n;
            case 2 -> "Salary " + month + " 2024";
            case 3 -> "Rent " + month + " 2024";
            case 4 -> "Consulting fees Q" + (1 + random.nextInt(4)) + " 2024";
            case 5 -> "Order " + n + " freight charges";
            case 6 -> "Payment for services rendered, invoice " + n;
            case 7 -> "Loan repayment ref " + n;
            case 8 -> "Purchase order PO-" + n;
            case 9 -> "Advance payment contract " + n + "/2024";
            case 10 -> "Refund of overpayment, ref " + n;
            default -> "Supply of spare parts, inv " + n;
        };
    }

    private String address(String country) {
        String city = country;
        for (int i = 0; i < CITIES.length; i += 2) {
            if (CITIES[i].equals(country)) {
                city = CITIES[i + 1];
                break;
            }
        }
        return (1 + random.nextInt(250)) + " " + pick(STREETS) + ", " + city;
    }

    // ---- names ----

    /** The party of one row: reused between rows to spare allocation. */
    private static final class Person {
        String name;
        boolean person;
        int birthYear;
        String country;

        void copy(Person o) {
            name = o.name;
            person = o.person;
            birthYear = o.birthYear;
            country = o.country;
        }
    }

    private void randomParty(Person p, boolean person) {
        int li = random.nextInt(LOCALES.length);
        Locale_ l = locales.get(li);
        String[] countries = COUNTRIES[li];
        p.country = countries[random.nextInt(countries.length)];
        p.person = person;
        p.birthYear = person ? 1940 + random.nextInt(66) : 0;
        p.name = person ? personName(li, l) : companyName(l);
    }

    private String personName(int li, Locale_ l) {
        boolean female = random.nextBoolean();
        String given = pick(female ? l.givenF() : l.givenM());
        String surname = pick(l.surnames());
        String locale = LOCALES[li];
        if (locale.equals("russian")) {
            if (female && (surname.endsWith("ov") || surname.endsWith("ev") || surname.endsWith("in"))) {
                surname = surname + "a";
            }
            List<String> pat = female ? l.patronymicF() : l.patronymicM();
            if (!pat.isEmpty() && random.nextBoolean()) {
                return given + " " + pick(pat) + " " + surname;
            }
        }
        if (locale.equals("spanish") && random.nextBoolean()) {
            surname = surname + " " + pick(l.surnames());
        }
        if (!l.middle().isEmpty() && random.nextInt(4) == 0) {
            given = given + " " + pick(l.middle());
        }
        boolean familyFirst = locale.equals("chinese") || locale.equals("korean") || locale.equals("vietnamese")
                || locale.equals("japanese") && random.nextBoolean();
        return switch (random.nextInt(10)) {
            case 0 -> surname.toUpperCase(Locale.ROOT) + ", " + given;
            case 1 -> (given + " " + surname).toUpperCase(Locale.ROOT);
            default -> familyFirst ? surname + " " + given : given + " " + surname;
        };
    }

    private String companyName(Locale_ l) {
        StringBuilder sb = new StringBuilder(48);
        boolean pre = !l.legalPre().isEmpty() && random.nextInt(3) == 0;
        if (pre) {
            sb.append(pick(l.legalPre())).append(' ');
        }
        sb.append(pick(l.brands()));
        if (!l.industries().isEmpty() && random.nextInt(4) != 0) {
            sb.append(' ').append(pick(l.industries()));
        }
        if (!pre && !l.legalPost().isEmpty()) {
            sb.append(' ').append(pick(l.legalPost()));
        }
        return sb.toString();
    }

    private void plantInto(Person p) {
        Planted t = listed.get(random.nextInt(listed.size()));
        p.person = t.person();
        p.birthYear = t.birthYear();
        p.country = t.country() != null ? t.country()
                : COUNTRIES[0][random.nextInt(COUNTRIES[0].length)];
        // the primary name most of the time, else a strong alias
        String name = t.names().size() > 1 && random.nextInt(4) == 0
                ? t.names().get(1 + random.nextInt(t.names().size() - 1)) : t.names().get(0);
        p.name = variant(name, p.person);
    }

    /** A variant spelling of a listed name, e.g. {@code "CHOE, Chol Min"} → {@code "Choi Chol-min"}. */
    String variant(String listedName, boolean person) {
        List<String> tokens = tokens(listedName);
        if (tokens.isEmpty()) {
            return listedName;
        }
        int comma = listedName.indexOf(',');
        if (person && comma > 0 && random.nextInt(3) != 0) {
            // "CHOE, Chol Min" → "Chol Min CHOE"
            int before = tokens(listedName.substring(0, comma)).size();
            List<String> rotated = new ArrayList<>(tokens.subList(before, tokens.size()));
            rotated.addAll(tokens.subList(0, before));
            tokens = rotated;
        }
        int ops = 1 + random.nextInt(2);
        for (int o = 0; o < ops; o++) {
            switch (random.nextInt(person ? 5 : 3)) {
                case 0 -> tokens = recase(tokens);
                case 1 -> typo(tokens);
                case 2 -> swap(tokens);
                case 3 -> {
                    if (tokens.size() >= 2) {
                        tokens.add(0, tokens.remove(tokens.size() - 1));
                    }
                }
                default -> hyphenate(tokens);
            }
        }
        return String.join(" ", tokens);
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean sep = c == ' ' || c == ',' || c == '\t';
            if (sep && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            } else if (!sep && start < 0) {
                start = i;
            }
        }
        return out;
    }

    private List<String> recase(List<String> tokens) {
        int style = random.nextInt(3);
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            out.add(switch (style) {
                case 0 -> t.toUpperCase(Locale.ROOT);
                case 1 -> t.toLowerCase(Locale.ROOT);
                default -> t.isEmpty() ? t : t.substring(0, 1).toUpperCase(Locale.ROOT)
                        + t.substring(1).toLowerCase(Locale.ROOT);
            });
        }
        return out;
    }

    private void typo(List<String> tokens) {
        int longest = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).length() >= 6 && (longest < 0 || tokens.get(i).length() > tokens.get(longest).length())) {
                longest = i;
            }
        }
        if (longest < 0) {
            return;
        }
        String t = tokens.get(longest);
        int at = 1 + random.nextInt(t.length() - 2);
        char c = t.charAt(at);
        if (!Character.isLetter(c)) {
            return;
        }
        String repl = random.nextBoolean() ? "" + c + c : "";
        tokens.set(longest, t.substring(0, at) + repl + t.substring(at + 1));
    }

    private void swap(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String lower = t.toLowerCase(Locale.ROOT);
            for (String[] s : SWAPS) {
                if (lower.equals(s[0])) {
                    tokens.set(i, sameCase(t, s[1]));
                    return;
                }
            }
        }
    }

    private static String sameCase(String model, String word) {
        if (model.equals(model.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private void hyphenate(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            int dash = tokens.get(i).indexOf('-');
            if (dash > 0) {
                // "Chol-min" → "Chol Min"
                String t = tokens.get(i);
                tokens.set(i, t.substring(0, dash));
                tokens.add(i + 1, t.substring(dash + 1));
                return;
            }
        }
        if (tokens.size() >= 3) {
            // "Chol Min CHOE" → "Chol-min CHOE"
            String joined = tokens.get(0) + "-" + tokens.get(1).toLowerCase(Locale.ROOT);
            tokens.set(0, joined);
            tokens.remove(1);
        }
    }

    // ---- helpers ----

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] array) {
        return array[random.nextInt(array.length)];
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }

    /** Appends a CSV field, quoted when it holds a comma, quote or line break. */
    private static StringBuilder csv(StringBuilder sb, String field) {
        boolean quote = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            return sb.append(field);
        }
        sb.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        return sb.append('"');
    }
}
