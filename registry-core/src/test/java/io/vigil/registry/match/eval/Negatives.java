package io.vigil.registry.match.eval;

import io.vigil.registry.match.eval.EvaluationSetGenerator.Negative;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates realistic names of people and companies that are not on the lists, from the hand-written name data in
 * {@code names/<locale>.tsv} (columns {@code part, gender, latin, native}). Example rows: {@code given M Min-jun 민준},
 * {@code surname - Kim 김}; generated query {@code "Kim Min-jun"} or, in native script, {@code "김민준"}.
 * A generated name is dropped when its key (or spelling-folded key) equals a listed name's.
 */
final class Negatives {

    /** A locale: its share of the set (per mille) and the countries its people and companies plausibly have. */
    record Spec(String locale, int perMille, List<String> countries) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("korean", 180, List.of("KR", "KR", "KR", "US", "CN", "JP", "KP")),
            new Spec("chinese", 100, List.of("CN", "CN", "CN", "HK", "TW", "SG", "MY")),
            new Spec("arabic", 120, List.of("SA", "EG", "AE", "JO", "IQ", "SY", "LB", "MA", "DZ", "TN", "KW", "QA",
                    "YE", "LY")),
            new Spec("persian", 60, List.of("IR", "IR", "IR", "AE", "DE", "GB")),
            new Spec("russian", 120, List.of("RU", "RU", "RU", "UA", "UA", "BY", "KZ")),
            new Spec("spanish", 100, List.of("ES", "MX", "MX", "AR", "CO", "PE", "CL", "VE")),
            new Spec("turkish", 50, List.of("TR", "TR", "DE", "CY")),
            new Spec("english", 70, List.of("GB", "US", "US", "CA", "AU", "IE")),
            new Spec("french", 40, List.of("FR", "FR", "BE", "CH", "CA")),
            new Spec("german", 40, List.of("DE", "DE", "AT", "CH")),
            new Spec("indian", 50, List.of("IN", "IN", "IN", "AE", "GB")),
            new Spec("japanese", 35, List.of("JP")),
            new Spec("vietnamese", 35, List.of("VN", "VN", "US")));

    static final int TOTAL = 5300;

    private final Set<String> listKeys;
    private final Set<String> listFolded;
    private final Random random;
    int droppedExact;
    int droppedFolded;

    Negatives(Set<String> listKeys, Set<String> listFolded, Random random) {
        this.listKeys = listKeys;
        this.listFolded = listFolded;
        this.random = random;
    }

    /** A name part: latin spelling, native script (or null) and gender (M, F or -). */
    record Part(String latin, String nativeText, String gender) {
    }

    /** Name data of one locale, by part name. */
    static final class Data {
        final Map<String, List<Part>> parts = new LinkedHashMap<>();

        List<Part> get(String part) {
            List<Part> p = parts.get(part);
            if (p == null || p.isEmpty()) {
                throw new IllegalStateException("name data has no '" + part + "' rows");
            }
            return p;
        }

        List<Part> get(String part, String gender) {
            List<Part> all = get(part);
            List<Part> out = all.stream().filter(p -> p.gender().equals(gender) || p.gender().equals("-")).toList();
            return out.isEmpty() ? all : out;
        }

        boolean has(String part) {
            return parts.containsKey(part);
        }
    }

    static Data load(Path file) {
        Data d = new Data();
        for (String[] r : EvaluationSetGenerator.readTsv(file, "part")) {
            if (r.length < 3) {
                throw new IllegalStateException(file + ": expected part, gender, latin[, native]: "
                        + String.join("|", r));
            }
            String nat = r.length > 3 && !r[3].isBlank() && !r[3].equals("-") ? r[3].strip() : null;
            d.parts.computeIfAbsent(r[0].strip(), k -> new ArrayList<>()).add(new Part(r[2].strip(), nat, r[1].strip()));
        }
        return d;
    }

    /** A generated name: the query, its Latin equivalent (for the collision check), how it was built. */
    private record Made(String query, String latin, String note, boolean company) {
    }

    List<Negative> build(Path namesDir) {
        Map<String, Data> data = new LinkedHashMap<>();
        Data english = load(namesDir.resolve("english.tsv"));
        for (Spec s : SPECS) {
            data.put(s.locale(), load(namesDir.resolve(s.locale() + ".tsv")));
        }
        List<Negative> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // the one negative the brief names explicitly: a common South Korean name sharing tokens with listed ones
        Negative kim = new Negative("korean", "Kim Min-jun", "1990", "KR", "person", "fixed: common South Korean "
                + "name (RR), shares the tokens Kim and Min with listed DPRK names");
        check(kim.query(), kim.query());
        out.add(kim);
        seen.add(kim.query().toLowerCase(Locale.ROOT));
        for (Spec s : SPECS) {
            int quota = TOTAL * s.perMille() / 1000 - (s.locale().equals("korean") ? 1 : 0);
            Data d = data.get(s.locale());
            int made = 0;
            int attempts = 0;
            while (made < quota) {
                if (++attempts > quota * 50) {
                    throw new IllegalStateException("cannot make enough distinct " + s.locale() + " names");
                }
                boolean company = random.nextInt(100) < 10;
                Made m = company ? company(s.locale(), d, english) : person(s.locale(), d);
                if (m == null || EvaluationSetGenerator.tokens(m.latin()).length < 2
                        || !seen.add(m.query().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (!check(m.query(), m.latin())) {
                    continue;
                }
                out.add(details(s, m));
                made++;
            }
        }
        return out;
    }

    /** True when the name collides with no listed name; counts the drops. */
    private boolean check(String query, String latin) {
        if (listKeys.contains(EvalKeys.key(query)) || listKeys.contains(EvalKeys.key(latin))) {
            droppedExact++;
            return false;
        }
        if (listFolded.contains(EvalKeys.folded(query)) || listFolded.contains(EvalKeys.folded(latin))) {
            droppedFolded++;
            return false;
        }
        return true;
    }

    private Negative details(Spec s, Made m) {
        String dob = "-";
        if (!m.company() && random.nextInt(100) < 60) {
            int year = 1940 + random.nextInt(66);
            if (random.nextInt(100) < 35) {
                int month = 1 + random.nextInt(12);
                int day = 1 + random.nextInt(28);
                dob = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
            } else {
                dob = Integer.toString(year);
            }
        }
        String country = random.nextInt(100) < 60 ? s.countries().get(random.nextInt(s.countries().size())) : "-";
        String type = random.nextInt(100) < 50 ? (m.company() ? "organization" : "person") : "-";
        return new Negative(s.locale(), m.query(), dob, country, type, m.note());
    }

    private <T> T any(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String gender() {
        return random.nextBoolean() ? "M" : "F";
    }

    private Made person(String locale, Data d) {
        String g = gender();
        return switch (locale) {
            case "korean" -> korean(d, g);
            case "chinese" -> {
                Part sur = any(d.get("surname"));
                Part giv = any(d.get("given", g));
                yield random.nextInt(10) < 6
                        ? new Made(sur.latin() + " " + giv.latin(), sur.latin() + " " + giv.latin(),
                                "pinyin surname-first", false)
                        : new Made(giv.latin() + " " + sur.latin(), giv.latin() + " " + sur.latin(),
                                "pinyin given-first", false);
            }
            case "arabic" -> arabic(d, g);
            case "persian" -> {
                Part giv = any(d.get("given", g));
                Part sur = any(d.get("surname"));
                String prefix = g.equals("M") && random.nextInt(20) == 0 ? "Seyed " : "";
                String q = prefix + giv.latin() + " " + sur.latin();
                yield new Made(q, q, "given + surname", false);
            }
            case "russian" -> russian(d, g);
            case "spanish" -> {
                Part giv = any(d.get("given", g));
                String s1 = any(d.get("surname")).latin();
                String s2 = any(d.get("surname")).latin();
                if (s1.equals(s2)) {
                    yield null;
                }
                String q = random.nextInt(10) < 7 ? giv.latin() + " " + s1 + " " + s2 : giv.latin() + " " + s1;
                yield new Made(q, q, q.split(" ").length > 2 ? "given + two surnames" : "given + surname", false);
            }
            case "vietnamese" -> {
                String q = any(d.get("surname")).latin() + " " + any(d.get("middle", g)).latin() + " "
                        + any(d.get("given", g)).latin();
                yield new Made(q, q, "surname + middle + given", false);
            }
            case "japanese" -> {
                Part giv = any(d.get("given", g));
                Part sur = any(d.get("surname"));
                yield random.nextBoolean()
                        ? new Made(giv.latin() + " " + sur.latin(), giv.latin() + " " + sur.latin(), "given-first",
                                false)
                        : new Made(sur.latin() + " " + giv.latin(), sur.latin() + " " + giv.latin(), "surname-first",
                                false);
            }
            default -> {
                Part giv = any(d.get("given", g));
                Part sur = any(d.get("surname"));
                String middle = "";
                if (d.has("middle") && random.nextInt(100) < 20) {
                    middle = any(d.get("middle", g)).latin() + " ";
                }
                String q = giv.latin() + " " + middle + sur.latin();
                yield new Made(q, q, middle.isEmpty() ? "given + surname" : "given + middle + surname", false);
            }
        };
    }

    private Made korean(Data d, String g) {
        int style = random.nextInt(100);
        if (style < 4) {
            // native Hangul: surname and given name written together, as Koreans write them
            List<Part> sur = d.get("surname").stream().filter(p -> p.nativeText() != null).toList();
            List<Part> giv = d.get("given", g).stream().filter(p -> p.nativeText() != null).toList();
            Part s = any(sur);
            Part gv = any(giv);
            return new Made(s.nativeText() + gv.nativeText(), s.latin() + " " + gv.latin(), "Hangul", false);
        }
        if (style < 28) {
            // North Korean style McCune–Reischauer spelling (shares tokens with listed DPRK names on purpose)
            Part s = any(d.get("surname-mr"));
            Part gv = any(d.get("given-mr", g));
            String q = random.nextBoolean() ? s.latin() + " " + gv.latin()
                    : s.latin().toUpperCase(Locale.ROOT) + " " + gv.latin();
            return new Made(q, q, "MR spelling, surname-first", false);
        }
        Part s = any(d.get("surname"));
        Part gv = any(d.get("given", g));
        String hyphen = gv.latin();
        String joined = hyphen.replace("-", "").toLowerCase(Locale.ROOT);
        joined = joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1);
        String spaced = EvaluationSetGenerator.titleCase(hyphen.replace("-", " "));
        int f = random.nextInt(100);
        String q;
        String note;
        if (f < 40) {
            q = s.latin() + " " + hyphen;
            note = "RR, surname-first, hyphenated given name";
        } else if (f < 60) {
            q = hyphen + " " + s.latin();
            note = "RR, given-first, hyphenated given name";
        } else if (f < 75) {
            q = joined + " " + s.latin();
            note = "RR, given-first, joined given name";
        } else if (f < 90) {
            q = s.latin().toUpperCase(Locale.ROOT) + " " + spaced;
            note = "RR, surname in capitals, spaced given name";
        } else {
            q = s.latin() + " " + joined;
            note = "RR, surname-first, joined given name";
        }
        return new Made(q, q, note, false);
    }

    private Made arabic(Data d, String g) {
        Part giv = any(d.get("given", g));
        List<Part> fathers = d.get("given", "M");
        Part family = any(d.get("surname"));
        int shape = random.nextInt(100);
        if (shape < 4 && giv.nativeText() != null && family.nativeText() != null) {
            Part father = any(fathers.stream().filter(p -> p.nativeText() != null).toList());
            String q = giv.nativeText() + " " + father.nativeText() + " " + family.nativeText();
            return new Made(q, giv.latin() + " " + father.latin() + " " + family.latin(), "Arabic script", false);
        }
        if (shape < 40) {
            String q = giv.latin() + " " + family.latin();
            return new Made(q, q, "given + family name", false);
        }
        Part father = any(fathers);
        if (father.latin().equals(giv.latin())) {
            return null;
        }
        if (shape < 82) {
            String q = giv.latin() + " " + father.latin() + " " + family.latin();
            return new Made(q, q, "given + father's name + family name", false);
        }
        Part grand = any(fathers);
        String q = giv.latin() + " " + father.latin() + " " + grand.latin() + " " + family.latin();
        return new Made(q, q, "given + father + grandfather + family name (nasab)", false);
    }

    private Made russian(Data d, String g) {
        Part giv = any(d.get("given", g));
        Part pat = any(d.get("patronymic", g));
        Part sur = any(d.get("surname"));
        String surLatin = g.equals("F") ? feminineLatin(sur.latin()) : sur.latin();
        int shape = random.nextInt(100);
        if (shape < 5 && giv.nativeText() != null && pat.nativeText() != null && sur.nativeText() != null) {
            String surNative = g.equals("F") ? feminineCyrillic(sur.nativeText()) : sur.nativeText();
            String q = surNative + " " + giv.nativeText() + " " + pat.nativeText();
            return new Made(q, surLatin + " " + giv.latin() + " " + pat.latin(), "Cyrillic, surname first", false);
        }
        if (shape < 40) {
            String q = giv.latin() + " " + pat.latin() + " " + surLatin;
            return new Made(q, q, "given + patronymic + surname", false);
        }
        if (shape < 60) {
            String q = surLatin.toUpperCase(Locale.ROOT) + " " + giv.latin() + " " + pat.latin();
            return new Made(q, q, "SURNAME + given + patronymic", false);
        }
        String q = giv.latin() + " " + surLatin;
        return new Made(q, q, "given + surname", false);
    }

    /** Russian feminine surname, Latin: Ivanov → Ivanova, Zhukovskiy → Zhukovskaya; -enko, -uk unchanged. */
    static String feminineLatin(String s) {
        if (s.endsWith("skiy") || s.endsWith("skii")) {
            return s.substring(0, s.length() - 4) + "skaya";
        }
        if (s.endsWith("sky")) {
            return s.substring(0, s.length() - 3) + "skaya";
        }
        if (s.endsWith("oy")) {
            return s.substring(0, s.length() - 2) + "aya";
        }
        if (s.endsWith("ov") || s.endsWith("ev") || s.endsWith("in") || s.endsWith("yn")) {
            return s + "a";
        }
        return s;
    }

    /** Russian feminine surname, Cyrillic: Иванов → Иванова, Жуковский → Жуковская. */
    static String feminineCyrillic(String s) {
        if (s.endsWith("ский") || s.endsWith("цкий")) {
            return s.substring(0, s.length() - 2) + "ая";
        }
        if (s.endsWith("ов") || s.endsWith("ев") || s.endsWith("ёв") || s.endsWith("ин") || s.endsWith("ын")) {
            return s + "а";
        }
        return s;
    }

    private Made company(String locale, Data d, Data english) {
        List<Part> brands = d.has("brand") ? d.get("brand") : english.get("brand");
        List<Part> industries = d.has("industry") ? d.get("industry") : english.get("industry");
        List<Part> legals = d.has("legal") ? d.get("legal") : english.get("legal");
        Part brand = any(brands);
        Part industry = any(industries);
        Part legal = any(legals);
        boolean industryFirst = locale.equals("spanish") || locale.equals("french");
        String core = industryFirst ? industry.latin() + " " + brand.latin() : brand.latin() + " " + industry.latin();
        if (locale.equals("russian") && brand.nativeText() != null && random.nextInt(100) < 8) {
            String q = "ООО «" + brand.nativeText() + "»";
            return new Made(q, "OOO " + brand.latin(), "company, Cyrillic", true);
        }
        String q = legal.gender().equals("pre") ? legal.latin() + " " + core : core + " " + legal.latin();
        if (random.nextInt(100) < 25) {
            q = q.toUpperCase(Locale.ROOT);
        }
        return new Made(q, q, "company: brand + industry + legal form", true);
    }
}
