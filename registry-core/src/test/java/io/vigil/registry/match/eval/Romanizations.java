package io.vigil.registry.match.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a listed (Latin) name into another real romanization of the same name. Written independently of the
 * matching engine: each table below states the convention it represents. A rule only fires on a whole token.
 *
 * <p>Example: Korean, McCune–Reischauer → South Korean passport / Revised Romanization:
 * {@code "CHOE, Chol Min"} → {@code "Choi Cheol-min"}; Arabic: {@code "Muhammad ABD AL-RAHMAN"} →
 * {@code "Mohammed Abdelrahman"}; Russian BGN/PCGN → ICAO passport: {@code "Yevgeniy Sergeyevich"} →
 * {@code "Evgenii Sergeevich"}.
 */
final class Romanizations {

    enum Family { KOREAN, ARABIC, PERSIAN, RUSSIAN }

    /**
     * Korean surnames: DPRK lists use McCune–Reischauer without breves (CHOE, RI, PAK, JON, JONG); people in
     * passports and the South use the customary spellings (Choi, Lee/Rhee/Yi, Park, Jeon/Chun, Jeong/Jung/Chung).
     */
    static final Map<String, List<String>> KOREAN_SURNAMES = table(
            "choe=choi,chwe", "ri=lee,rhee,yi", "pak=park,bak", "jon=jeon,chun", "chon=jeon,jun", "jong=jeong,jung,chung",
            "chong=jeong,jung", "yu=yoo", "ryu=yoo", "yun=yoon", "o=oh", "ko=koh,go", "sin=shin", "mun=moon",
            "jo=cho", "cho=jo", "hyon=hyun,hyeon", "chang=jang", "jang=chang",
            "ryang=yang", "paek=baek,paik", "ku=koo,gu", "kwak=gwak", "cha=cha", "son=sohn", "ju=joo", "chu=joo",
            "pang=bang", "pae=bae", "ryom=yeom", "sim=shim", "pyon=byun", "kil=gil", "ji=jee,chi");

    /**
     * Korean given-name syllables: McCune–Reischauer (breves dropped) → Revised Romanization (2000) and common
     * passport spellings (Chol→Cheol/Chul, Kyong→Kyung/Gyeong, Un→Eun, Song→Seong/Sung…).
     */
    static final Map<String, List<String>> KOREAN_SYLLABLES = table(
            "chol=cheol,chul", "kyong=kyung,gyeong", "yong=young,yeong", "song=seong,sung", "un=eun",
            "myong=myung,myeong", "hyok=hyuk,hyeok", "sok=seok,suk", "pyong=byung,byeong", "kwang=gwang",
            "kil=gil", "gil=kil", "sik=shik", "hui=hee", "su=soo", "u=woo", "chin=jin", "tok=deok,duk",
            "pong=bong", "thae=tae", "jong=jeong,jung", "chong=jeong,jung", "chun=jun", "ho=ho", "hak=hak",
            "hyon=hyun,hyeon", "kyu=gyu", "il=il", "nam=nam", "ok=ok", "sop=seob,sub", "won=won", "kun=geun",
            "kuk=guk", "ryong=ryong,yong", "mun=moon", "sam=sam", "hun=hoon", "chan=chan", "jin=jin",
            "ung=ung", "sun=soon", "yon=yeon", "hwa=hwa", "hyong=hyung,hyeong", "tong=dong", "kap=gap");

    /** Arabic given-name and particle spellings (academic, Egyptian/Levantine, Gulf and French-influenced forms). */
    static final Map<String, List<String>> ARABIC = table(
            "muhammad=mohammed,mohamed,mohammad", "mohammed=muhammad,mohamed", "mohamed=mohammed,muhammad",
            "mohammad=mohammed,muhammad", "ahmad=ahmed", "ahmed=ahmad", "mahmud=mahmoud", "mahmoud=mahmud",
            "hussein=husayn,hussain", "husayn=hussein,hussain", "hussain=hussein,husayn", "hasan=hassan",
            "hassan=hasan", "yusuf=yousef,youssef", "yousef=yusuf", "umar=omar", "omar=umar", "uthman=othman,osman",
            "usama=osama", "osama=usama", "said=saeed", "saeed=said", "abu=abou", "khalid=khaled", "khaled=khalid",
            "walid=waleed", "jamal=gamal", "qasim=qassem,kasim", "abdullah=abdallah", "abdallah=abdullah",
            "mustafa=mostafa,moustafa", "mustapha=mustafa", "hamid=hamed", "rashid=rasheed", "salim=saleem",
            "sulayman=suleiman,sulaiman", "sulaiman=sulayman,suleiman", "ismail=ismael", "nasir=nasser",
            "nasser=nasir", "hafiz=hafez", "jafar=jaafar", "ja'far=jafar", "karim=kareem", "tariq=tarek",
            "faisal=faysal", "ibrahim=ibraheem", "yahya=yehia", "zakariya=zakaria", "bin=ibn", "ibn=bin",
            "abdulaziz=abdelaziz", "abdelaziz=abdulaziz", "salih=saleh", "saleh=salih", "ali=aly", "fathi=fathy",
            "hamza=hamzah", "anwar=anouar", "idris=idriss", "musa=mousa", "isa=issa", "issa=isa", "yasin=yassin",
            "abdul=abd", "adnan=adnane", "ayman=aiman", "hisham=hesham", "hashim=hashem", "ammar=amar",
            "mansur=mansour", "mansour=mansur", "nur=noor", "shaykh=sheikh", "sheikh=shaykh");

    /** Persian names: UN/US transliteration ↔ Iranian passport and everyday spellings. */
    static final Map<String, List<String>> PERSIAN = table(
            "hossein=hosein,hussein", "hosein=hossein", "mohammad=mohammed,muhammad", "mohammed=mohammad",
            "mahdi=mehdi", "mehdi=mahdi", "ebrahim=ibrahim", "mostafa=mustafa", "mohsen=mohsin",
            "javad=jawad", "ghasem=qasem", "qasem=ghasem", "seyed=seyyed,sayyed", "seyyed=seyed,sayed",
            "sayyed=seyed", "mousavi=musavi", "musavi=mousavi", "hashemi=hashimi",
            "alireza=ali reza", "mohammadreza=mohammad reza", "hamidreza=hamid reza", "gholamreza=gholam reza",
            "abolfazl=abulfazl", "ahmad=ahmed", "hassan=hasan", "hasan=hassan",
            "rezaei=rezaie,rezaee", "ghorbani=qorbani", "qorbani=ghorbani", "ghassem=ghasem", "mojtaba=mujtaba",
            "abdolrahim=abdul rahim", "abbas=abas", "majid=majeed", "jafari=jafary", "ghodsi=qodsi",
            "mehran=mehraan", "saeed=said", "davoud=davood,dawood", "mahmoud=mahmood", "amir=ameer");

    /**
     * Russian given names and patronymics: BGN/PCGN (Yevgeniy, Aleksandr) ↔ ICAO 9303 passports (Evgenii) ↔
     * English/German/French habits (Alexander, Alexei, Mihail).
     */
    static final Map<String, List<String>> RUSSIAN = table(
            "aleksandr=alexander,alexandr", "alexander=aleksandr", "aleksey=alexey,aleksei,alexei",
            "alexey=aleksey,aleksei", "aleksei=alexey", "yevgeniy=evgeny,evgenii,yevgeny", "yevgeny=evgeny,evgenii",
            "evgeniy=yevgeny,evgenii", "evgeny=yevgeny", "dmitriy=dmitry,dmitrii", "dmitry=dmitriy,dmitrii",
            "sergey=sergei", "sergei=sergey", "andrey=andrei", "andrei=andrey", "yuriy=yuri,yury,iurii",
            "yuri=yuriy", "maksim=maxim", "maxim=maksim", "mikhail=mihail", "yelena=elena", "elena=yelena",
            "tatyana=tatiana", "tatiana=tatyana", "natalya=natalia", "nataliya=natalia", "vasiliy=vasily,vasilii",
            "valeriy=valery,valerii", "anatoliy=anatoly,anatolii", "gennadiy=gennady,gennadii",
            "vitaliy=vitaly,vitalii", "nikolay=nikolai", "nikolai=nikolay", "arkadiy=arkady", "grigoriy=grigory",
            "georgiy=georgy,georgii", "yuliya=yulia,iuliia", "ilya=ilia", "pyotr=petr", "fyodor=fedor",
            "semyon=semen", "artyom=artem", "artem=artyom", "vyacheslav=viacheslav", "yekaterina=ekaterina",
            "ekaterina=yekaterina", "olga=olga", "viktor=victor", "victor=viktor", "konstantin=constantine",
            "oleg=oleg", "igor=igor", "vladimir=wladimir", "boris=boris", "khasan=hasan", "ruslan=ruslan");

    /** Russian suffix conventions, applied when no whole-token entry fired. */
    private static final List<String[]> RUSSIAN_SUFFIXES = List.of(
            // BGN/PCGN -yevich/-yevna after a vowel ↔ ICAO -evich/-evna (Sergeyevich ↔ Sergeevich)
            new String[] {"eyevich$", "eevich"}, new String[] {"eyevna$", "eevna"},
            new String[] {"eevich$", "eyevich"}, new String[] {"eevna$", "eyevna"},
            // adjectival surnames: -skiy (BGN) ↔ -sky (English) ↔ -ski (Polish/French habit)
            new String[] {"skiy$", "sky"}, new String[] {"sky$", "skiy"}, new String[] {"tskiy$", "tsky"},
            // final -iy ↔ -y (Dmitriy ↔ Dmitry)
            new String[] {"([^aeiou])iy$", "$1y"},
            // -yev ↔ -ev surnames after a vowel (Sergeyev ↔ Sergeev)
            new String[] {"eyev$", "eev"}, new String[] {"eyeva$", "eeva"},
            // Kh ↔ H (German/Romanian habit: Khodorkovskiy ↔ Hodorkovskiy)
            new String[] {"^kh", "h"},
            // ks ↔ x (Aleksandrovich ↔ Alexandrovich)
            new String[] {"ks", "x"},
            // yu/ya ↔ iu/ia (ICAO 9303, 2013)
            new String[] {"^yu", "iu"}, new String[] {"ya$", "ia"});

    private static final Pattern ABD = Pattern.compile(
            "(?i)\\b(abdul|abdel|abdal|abd[ -]al|abd[ -]el|abd[ -]ul|abd)[- ]?(rahman|rahim|aziz|karim|qadir|kader|"
                    + "qader|majid|hamid|latif|wahid|wahab|salam|razzaq|rasul|ghani|hakim|jalil|halim|malik|"
                    + "hadi|basit|jabbar|nasir|hafiz|baqi|qawi|rauf|sattar|wadud|haq|fattah|mun'im|moneim)\\b");

    private static final Pattern AL = Pattern.compile("(?i)\\b(al|el)-(\\p{L}+)");

    private Romanizations() {
    }

    /**
     * A different real romanization of {@code name} in the given family, or null when no rule applies.
     * Chooses deterministically from {@code random} among the rules that apply.
     */
    static Variant variant(String name, String familyName, String givenName, Family family, Random random) {
        return switch (family) {
            case KOREAN -> korean(name, familyName, givenName, random);
            case ARABIC -> tokenRules(name, ARABIC, List.of(), random, true, "Arabic");
            case PERSIAN -> tokenRules(name, PERSIAN, List.of(), random, false, "Persian");
            case RUSSIAN -> tokenRules(name, RUSSIAN, RUSSIAN_SUFFIXES, random, false, "Russian");
        };
    }

    /** A rewritten name and the rule description for the note column. */
    record Variant(String query, String rule) {
    }

    /**
     * Korean: surname first (as Koreans write it), each syllable possibly respelled, given name written with a
     * hyphen ("Cheol-min", South Korean passports), joined ("Cheolmin") or spaced.
     */
    private static Variant korean(String name, String familyName, String givenName, Random random) {
        String surname;
        List<String> given = new ArrayList<>();
        String n = name.replace("'", "").replace("’", "");
        int comma = n.indexOf(',');
        if (familyName != null && givenName != null) {
            // the list separates the parts (UK OFSI: "Chang Ha JANG" is JANG Chang Ha)
            surname = familyName.replace("'", "").replace("’", "").strip();
            for (String s : givenName.replace("'", "").replace("’", "").strip().split("[\\s-]+")) {
                given.add(s);
            }
        } else if (comma > 0) {
            surname = n.substring(0, comma).strip();
            for (String s : n.substring(comma + 1).strip().split("[\\s-]+")) {
                given.add(s);
            }
        } else {
            String[] t = n.strip().split("[\\s-]+");
            surname = t[0];
            for (int i = 1; i < t.length; i++) {
                given.add(t[i]);
            }
        }
        if (given.isEmpty() || surname.contains(" ") || given.size() > 3) {
            return null;
        }
        List<String> changes = new ArrayList<>();
        String sLow = surname.toLowerCase(Locale.ROOT);
        String newSurname = surname;
        List<String> sAlt = KOREAN_SURNAMES.get(sLow);
        if (sAlt != null && random.nextInt(3) > 0) {
            String alt = sAlt.get(random.nextInt(sAlt.size()));
            if (!alt.equals(sLow)) {
                newSurname = alt;
                changes.add(sLow + "→" + alt);
            }
        }
        List<String> newGiven = new ArrayList<>();
        for (String g : given) {
            String low = g.toLowerCase(Locale.ROOT);
            List<String> alt = KOREAN_SYLLABLES.get(low);
            if (alt != null && random.nextInt(4) > 0) {
                String a = alt.get(random.nextInt(alt.size()));
                if (!a.equals(low)) {
                    changes.add(low + "→" + a);
                }
                newGiven.add(a);
            } else {
                newGiven.add(low);
            }
        }
        // given-name style: hyphenated (RR recommendation, passports), joined, or spaced (MR as on the lists)
        int style = newGiven.size() == 1 ? 2 : random.nextInt(3);
        String givenText = switch (style) {
            case 0 -> cap(String.join("-", newGiven));
            case 1 -> cap(String.join("", newGiven));
            default -> String.join(" ", newGiven.stream().map(Romanizations::cap).toList());
        };
        if (style == 0) {
            changes.add("given name hyphenated");
        } else if (style == 1) {
            changes.add("given name joined");
        }
        if (changes.isEmpty()) {
            return null;
        }
        String query = cap(newSurname.toLowerCase(Locale.ROOT)) + " " + givenText;
        return new Variant(query, "Korean MR→RR/passport: " + String.join(", ", changes));
    }

    private static Variant tokenRules(String name, Map<String, List<String>> table, List<String[]> suffixes,
            Random random, boolean arabicParticles, String label) {
        String base = name.replace(",", "");
        List<Variant> options = new ArrayList<>();
        if (arabicParticles) {
            Matcher m = ABD.matcher(base);
            if (m.find()) {
                String root = cap(m.group(2).toLowerCase(Locale.ROOT));
                String[] styles = {"Abdul " + root, "Abd al-" + root, "Abdel" + root.toLowerCase(Locale.ROOT),
                    "Abdul" + root.toLowerCase(Locale.ROOT), "Abd Al " + root, "Abdel " + root};
                String current = m.group().toLowerCase(Locale.ROOT).replace("-", " ");
                for (String s : styles) {
                    if (!s.toLowerCase(Locale.ROOT).replace("-", " ").equals(current)) {
                        options.add(new Variant(base.substring(0, m.start()) + s + base.substring(m.end()),
                                "Arabic 'abd al-' compound written " + s.replace(root, "X")
                                        .replace(root.toLowerCase(Locale.ROOT), "x")));
                    }
                }
            }
            Matcher al = AL.matcher(base);
            if (al.find()) {
                String rest = al.group(2);
                options.add(new Variant(base.substring(0, al.start()) + al.group(1) + " " + rest
                        + base.substring(al.end()), "Arabic article written apart (al-X → al X)"));
                options.add(new Variant(base.substring(0, al.start()) + cap(al.group(1).toLowerCase(Locale.ROOT))
                        + rest.toLowerCase(Locale.ROOT) + base.substring(al.end()),
                        "Arabic article joined (al-X → Alx)"));
            }
        }
        String[] tokens = base.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String low = tokens[i].toLowerCase(Locale.ROOT);
            List<String> alt = table.get(low);
            if (alt != null) {
                for (String a : alt) {
                    if (!a.equals(low)) {
                        options.add(new Variant(replaceToken(tokens, i, matchCase(tokens[i], a)),
                                label + " spelling " + low + "→" + a));
                    }
                }
                continue;
            }
            for (String[] s : suffixes) {
                String r = low.replaceFirst(s[0], s[1]);
                if (!r.equals(low) && low.length() >= 4) {
                    options.add(new Variant(replaceToken(tokens, i, matchCase(tokens[i], r)),
                            label + " spelling " + low + "→" + r));
                }
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        return options.get(random.nextInt(options.size()));
    }

    private static String replaceToken(String[] tokens, int i, String value) {
        String[] copy = tokens.clone();
        copy[i] = value;
        return String.join(" ", copy);
    }

    /** Writes {@code value} in the case of {@code model}: all caps, or capitalised. */
    static String matchCase(String model, String value) {
        if (model.equals(model.toUpperCase(Locale.ROOT)) && model.length() > 1) {
            return value.toUpperCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder();
        for (String part : value.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(cap(part));
        }
        return sb.toString();
    }

    static String cap(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<String>> table(String... rows) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String row : rows) {
            String[] kv = row.split("=");
            map.put(kv[0], List.of(kv[1].split(",")));
        }
        return Map.copyOf(map);
    }

    /** Korean surnames as the lists romanize them, used to recognise a Korean name. */
    static final Set<String> KOREAN_LIST_SURNAMES = Set.of("kim", "ri", "pak", "choe", "jon", "chon", "jong",
            "chong", "yu", "ryu", "yun", "o", "ko", "sin", "mun", "jo", "cho", "hyon", "chang", "jang", "kang", "han",
            "ryang", "paek", "ku", "kwak", "cha", "son", "ju", "chu", "pang", "pae", "ryom", "sim", "pyon", "kil",
            "ji", "hwang", "min", "yang", "hong", "song", "so", "ho", "an", "nam", "sok", "kye", "tong", "chae",
            "yon", "rim", "im", "ryo", "thae", "kwon", "u", "pyo", "om", "yo", "hwa");
}
