package io.vigil.registry.testing;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** Hand-made parties, sources, parsers and databases for the registry tests (store, link, imports). */
public final class RegistryFixtures {

    public static final Instant T0 = Instant.parse("2024-05-03T02:00:00Z");

    private RegistryFixtures() {
    }

    /** A fresh private in-memory H2 database. */
    public static JdbcDataSource memoryDb() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** An H2 file database under {@code dir}. */
    public static JdbcDataSource fileDb(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("registry").toAbsolutePath());
        return ds;
    }

    public static Clock clock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    /**
     * OFAC SDN ent 43598 with every field filled: names with kinds, qualities, scripts and parts; day, year and
     * range dates; passport; relation; designation with legal basis and listing date.
     */
    public static Party choeCholMin() {
        return Party.builder("ofac:43598").type(PartyType.INDIVIDUAL)
                .name(new PartyName("CHOE, Chol Min", "Chol Min", "CHOE", NameKind.PRIMARY, NameQuality.STRONG,
                        "Latn"))
                .name(PartyName.of("CHOE, Chol-min", NameKind.AKA, NameQuality.STRONG))
                .name(new PartyName("CH'OE Ch'ol-min", null, null, NameKind.FKA, NameQuality.WEAK, null))
                .name(new PartyName("최철민", null, null, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG, "Hang"))
                .dateOfBirth(PartialDate.ofDay(1978, 4, 3, "03 Apr 1978"))
                .dateOfBirth(PartialDate.ofMonth(1978, 4, "Apr 1978"))
                .dateOfBirth(PartialDate.ofYears(1977, 1979, "1977 to 1979"))
                .placeOfBirth("Pyongyang, Korea, North")
                .nationality("KP").citizenship("KP")
                .address(new Address(null, "Beijing", null, null, "China", "CN"))
                .address(new Address("Rue 1, Building 2", "Pyongyang", "Pyongyang", "00000", "Korea, North", "KP"))
                .identifier(new Identifier(IdentifierType.PASSPORT, "Passport", "108410050", "Korea, North", "KP",
                        "expires 19 Oct 2023"))
                .gender("Male")
                .title("Official")
                .relation(new Relation("Linked To", "SECOND ACADEMY OF NATURAL SCIENCES", "ofac:12345"))
                .relation(new Relation("Associated with", "KOREA SOKCHON", null))
                .remark("Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210")
                .designation(new Designation(Authorities.OFAC, Authorities.OFAC_SDN_LIST, "NPWMD", "E.O. 13382",
                        LocalDate.of(2023, 6, 15), "43598",
                        "https://ofac.treasury.gov/recent-actions/20230615", "ofac-sdn-csv"))
                .build();
    }

    /** A plain individual of a source. */
    public static Party person(String id, String name, String nationality, PartialDate dob, Identifier... ids) {
        var b = Party.builder(id).type(PartyType.INDIVIDUAL)
                .name(PartyName.of(name, NameKind.PRIMARY, NameQuality.STRONG))
                .designation(designation(id));
        if (nationality != null) {
            b.nationality(nationality);
        }
        if (dob != null) {
            b.dateOfBirth(dob);
        }
        for (Identifier i : ids) {
            b.identifier(i);
        }
        return b.build();
    }

    /** A plain organization with an address in {@code countryCode}. */
    public static Party organization(String id, String name, String countryCode, Identifier... ids) {
        var b = Party.builder(id).type(PartyType.ORGANIZATION)
                .name(PartyName.of(name, NameKind.PRIMARY, NameQuality.STRONG))
                .designation(designation(id));
        if (countryCode != null) {
            b.address(new Address(null, null, null, null, countryCode, countryCode));
        }
        for (Identifier i : ids) {
            b.identifier(i);
        }
        return b.build();
    }

    public static Designation designation(String partyId) {
        String source = partyId.substring(0, partyId.indexOf(':'));
        String ref = partyId.substring(partyId.indexOf(':') + 1);
        return switch (source) {
            case "un" -> new Designation(Authorities.UN, Authorities.UN_LIST, "DPRK", null, null, ref, null, "un-xml");
            case "eu" -> new Designation(Authorities.EU, Authorities.EU_LIST, "PRK", "Regulation (EU) 2017/1509",
                    null, ref, null, "eu-xml");
            case "uk" -> new Designation(Authorities.UK_FCDO, Authorities.UK_FCDO_LIST, "Democratic People's Republic"
                    + " of Korea", null, null, ref, null, "uk-xml");
            default -> new Designation(Authorities.OFAC, Authorities.OFAC_SDN_LIST, "DPRK2", null, null, ref, null,
                    "ofac-sdn-csv");
        };
    }

    public static Identifier passport(String value, String countryCode) {
        return new Identifier(IdentifierType.PASSPORT, "Passport", value, countryCode, countryCode, null);
    }

    public static Identifier unReference(String value) {
        return new Identifier(IdentifierType.UN_REFERENCE, "UN Ref", value, null, null, null);
    }

    public static ListSource source(String sourceType) {
        return new ListSource(sourceType, Authorities.OFAC, Authorities.OFAC_SDN_LIST, LocalDate.of(2024, 5, 3),
                "Publish_Date element", "https://ofac.treasury.gov/sdn-list",
                List.of(new SourceFile(sourceType + ".csv", "ab".repeat(32), 1234),
                        new SourceFile(sourceType + "-alt.csv", "cd".repeat(32), 56)));
    }

    public static ParsedList parsed(String sourceType, List<Party> parties) {
        return new ParsedList(source(sourceType), parties, List.of());
    }

    /** {@code n} simple parties {@code ofac:1..n}, every tenth with a passport. */
    public static List<Party> many(int n) {
        List<Party> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(person("ofac:" + i, "PERSON, Number " + i, "KP", PartialDate.ofYear(1950 + i % 50, null),
                    i % 10 == 0 ? new Identifier[] {passport("P" + (1000000 + i), "KP")} : new Identifier[0]));
        }
        return out;
    }

    /** A parser that returns fixed parties, or fails with a {@link ListParseException}. */
    public static final class FakeParser implements ListParser {
        private final String sourceType;
        private final List<Party> parties;
        private final String failure;
        private int calls;

        private FakeParser(String sourceType, List<Party> parties, String failure) {
            this.sourceType = sourceType;
            this.parties = parties;
            this.failure = failure;
        }

        public static FakeParser returning(String sourceType, List<Party> parties) {
            return new FakeParser(sourceType, parties, null);
        }

        public static FakeParser failing(String sourceType, String reason) {
            return new FakeParser(sourceType, List.of(), reason);
        }

        @Override
        public String sourceType() {
            return sourceType;
        }

        @Override
        public ParsedList parse(Path path) throws ListParseException {
            calls++;
            if (failure != null) {
                throw new ListParseException(String.valueOf(path.getFileName()), "line 7", failure);
            }
            return new ParsedList(source(sourceType), parties, List.of("warning from " + sourceType));
        }

        public int calls() {
            return calls;
        }
    }
}
