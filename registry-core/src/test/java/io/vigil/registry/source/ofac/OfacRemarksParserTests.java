package io.vigil.registry.source.ofac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.PartialDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfacRemarksParserTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                c("DOB with day", "DOB 03 Apr 1978", "dob 1978-04-03 DAY '03 Apr 1978'"),
                c("DOB with month, last full stop dropped", "DOB Apr 1978.", "dob 1978-04 MONTH 'Apr 1978'"),
                c("DOB year only", "DOB 1950", "dob 1950 YEAR '1950'"),
                c("DOB circa keeps its wording", "DOB circa 1960", "dob 1960 YEAR 'circa 1960'"),
                c("DOB circa with day", "DOB circa 07 Jul 1966", "dob 1966-07-07 DAY 'circa 07 Jul 1966'"),
                c("DOB year range", "DOB 1960 to 1962", "dob 1960/1962 RANGE '1960 to 1962'"),
                c("DOB day range", "DOB 01 Jan 1961 to 31 Dec 1962", "dob 1961/1962 RANGE '01 Jan 1961 to 31 Dec 1962'"),
                c("DOB month range", "DOB Mar 1962 to Feb 1963", "dob 1962/1963 RANGE 'Mar 1962 to Feb 1963'"),
                c("DOB circa year span", "DOB circa 1979-1982", "dob 1979/1982 RANGE 'circa 1979-1982'"),
                c("several DOBs", "DOB 1955; alt. DOB 1956; alt. DOB 10 Jan 1957.",
                        "dob 1955 YEAR '1955'", "dob 1956 YEAR '1956'", "dob 1957-01-10 DAY '10 Jan 1957'"),
                c("impossible DOB stays a remark", "DOB 31 Feb 1970", "remark DOB 31 Feb 1970"),
                c("place of birth", "DOB 1962; POB Shati.", "dob 1962 YEAR '1962'", "pob Shati"),
                c("place of birth with commas", "POB Culiacan, Sinaloa, Mexico; nationality Mexico",
                        "pob Culiacan, Sinaloa, Mexico", "nationality MX"),
                c("nationality as ISO code", "nationality Korea, North", "nationality KP"),
                c("unrecognised nationality kept as written", "nationality Atlantis", "nationality Atlantis"),
                c("citizenships", "citizen Mexico; alt. citizen Colombia.", "citizenship MX", "citizenship CO"),
                c("gender", "Gender Male.", "gender Male"),
                c("passport with country and expiry", "Passport 108410050 (Korea, North) expires 19 Oct 2023",
                        "id PASSPORT 'Passport' 108410050 country=Korea, North code=KP note=expires 19 Oct 2023"),
                c("passport issued and expires, no country", "Passport L 191609 issued 28 Feb 1996 expires 27 Feb 2001",
                        "id PASSPORT 'Passport' L 191609 country=null code=null note=issued 28 Feb 1996 expires 27 Feb 2001"),
                c("diplomatic passport", "alt. Diplomatic Passport 008827 (Iran) issued 1999.",
                        "id PASSPORT 'Diplomatic Passport' 008827 country=Iran code=IR note=issued 1999"),
                c("national id", "National ID No. 216040 (Yemen)",
                        "id NATIONAL_ID 'National ID No.' 216040 country=Yemen code=YE note=null"),
                c("tax id", "Tax ID No. 7707083893 (Russia)",
                        "id TAX_ID 'Tax ID No.' 7707083893 country=Russia code=RU note=null"),
                c("cedula", "Cedula No. 6068015 (Colombia)",
                        "id NATIONAL_ID 'Cedula No.' 6068015 country=Colombia code=CO note=null"),
                c("longest label wins", "R.F.C. # PMA-910805 (Mexico).",
                        "id TAX_ID 'R.F.C. #' PMA-910805 country=Mexico code=MX note=null"),
                c("swift bic", "SWIFT/BIC HAVIGB2L", "id SWIFT_BIC 'SWIFT/BIC' HAVIGB2L country=null code=null note=null"),
                c("vessel IMO number", "Vessel Registration Identification IMO 7406784.",
                        "id IMO 'Vessel Registration Identification' 7406784 country=null code=null note=null"),
                c("identification number holding an IMO number", "Identification Number IMO 9088172",
                        "id IMO 'Identification Number' 9088172 country=null code=null note=null"),
                c("identification number of a person", "Identification Number 321284198607120616 (China)",
                        "id NATIONAL_ID 'Identification Number' 321284198607120616 country=China code=CN note=null"),
                c("registration with a place before the country", "Registration Number HRA 738077 (Stuttgart) (Germany)",
                        "id REGISTRATION 'Registration Number' HRA 738077 (Stuttgart) country=Germany code=DE note=null"),
                c("mmsi", "MMSI 572469210", "id MMSI 'MMSI' 572469210 country=null code=null note=null"),
                c("email", "Email Address 417136259@qq.com",
                        "id EMAIL 'Email Address' 417136259@qq.com country=null code=null note=null"),
                c("website", "Website http://waatasemu.org.ly",
                        "id WEBSITE 'Website' http://waatasemu.org.ly country=null code=null note=null"),
                c("digital currency address", "alt. Digital Currency Address - XBT 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak",
                        "id OTHER 'Digital Currency Address - XBT' 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak country=null code=null note=null"),
                c("aircraft serial", "Aircraft Manufacturer's Serial Number (MSN) 1023409321",
                        "id AIRCRAFT_SERIAL 'Aircraft Manufacturer's Serial Number (MSN)' 1023409321 country=null code=null note=null"),
                c("weak aka in single quotes", "a.k.a. 'BNC'.", "alias AKA WEAK BNC"),
                c("weak aka in double quotes", "a.k.a. \"XYZ TRADING\"", "alias AKA WEAK XYZ TRADING"),
                c("weak fka", "f.k.a. 'ANA I'; f.k.a. 'SAND SWAN'.", "alias FKA WEAK ANA I", "alias FKA WEAK SAND SWAN"),
                c("weak nka", "n.k.a. 'NEW NAME LLC'", "alias NKA WEAK NEW NAME LLC"),
                c("linked to, last element", "Linked To: SECOND ACADEMY OF NATURAL SCIENCES.",
                        "relation Linked To -> SECOND ACADEMY OF NATURAL SCIENCES"),
                c("linked to, middle element keeps the name's own full stop", "Linked To: NEW AHMADI LTD.; Gender Male",
                        "relation Linked To -> NEW AHMADI LTD.", "gender Male"),
                c("secondary sanctions risk kept verbatim",
                        "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210",
                        "remark Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210"),
                c("transactions prohibited kept verbatim",
                        "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214.",
                        "remark Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214"),
                c("additional sanctions information kept verbatim",
                        "Additional Sanctions Information - Subject to Secondary Sanctions",
                        "remark Additional Sanctions Information - Subject to Secondary Sanctions"),
                c("organization details stay remarks", "Organization Established Date 1969; Organization Type: Activities of holding companies",
                        "remark Organization Established Date 1969", "remark Organization Type: Activities of holding companies"),
                c("phone numbers stay remarks", "Phone Number 8613621583465", "remark Phone Number 8613621583465"),
                c("unrecognised text verbatim, without the final full stop", "Scientific Studies and Research Center Employee.",
                        "remark Scientific Studies and Research Center Employee"),
                c("unrecognised middle element keeps its own full stop", "For more information, see the link.; Gender Female",
                        "remark For more information, see the link.", "gender Female"),
                c("registration nationality of a vessel", "Nationality of Registration Korea, North",
                        "nationality KP"),
                c("OFAC empty marker", "-0- "),
                c("CHOE Chol Min, whole column",
                        "DOB 03 Apr 1978; nationality Korea, North; Gender Male; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214; Passport 108410050 (Korea, North) expires 19 Oct 2023; Linked To: SECOND ACADEMY OF NATURAL SCIENCES.",
                        "dob 1978-04-03 DAY '03 Apr 1978'", "nationality KP", "gender Male",
                        "id PASSPORT 'Passport' 108410050 country=Korea, North code=KP note=expires 19 Oct 2023",
                        "relation Linked To -> SECOND ACADEMY OF NATURAL SCIENCES",
                        "remark Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210",
                        "remark Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_remarkElement_givesTheseFacts(String remarks, List<String> expected) {
        // given the Remarks column in `remarks`
        // when
        OfacRemarksParser.Result result = OfacRemarksParser.parse(remarks);
        // then
        assertThat(facts(result)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void parse_null_givesNothing() {
        // given no remarks / when
        OfacRemarksParser.Result result = OfacRemarksParser.parse(null);
        // then
        assertThat(facts(result)).isEmpty();
    }

    @Test
    void elements_lastFullStop_isDroppedOnlyFromTheLastElement() {
        // given
        String remarks = "Linked To: X CO.; a.k.a. 'Y'.";
        // when
        List<String> elements = OfacRemarksParser.elements(remarks);
        // then
        assertThat(elements).containsExactly("Linked To: X CO.", "a.k.a. 'Y'");
    }

    @Test
    void parseDate_range_boundsAreFirstAndLastDay() {
        // given / when
        PartialDate d = OfacRemarksParser.parseDate("01 Jan 1961 to 31 Dec 1962");
        // then
        assertThat(d.earliest()).isEqualTo(LocalDate.of(1961, 1, 1));
        assertThat(d.latest()).isEqualTo(LocalDate.of(1962, 12, 31));
        assertThat(d.precision()).isEqualTo(DatePrecision.RANGE);
    }

    @Test
    void parseDate_reversedRange_isNotADate() {
        // given / when / then
        assertThat(OfacRemarksParser.parseDate("1962 to 1960")).isNull();
        assertThat(OfacRemarksParser.parseDate("sometime")).isNull();
    }

    @Test
    void idLabels_longestFirst_andEveryTypeResolved() {
        // given / when
        List<OfacRemarksParser.IdLabel> labels = OfacRemarksParser.idLabels();
        // then
        assertThat(labels).isNotEmpty();
        for (int i = 1; i < labels.size(); i++) {
            assertThat(labels.get(i).text().length()).isLessThanOrEqualTo(labels.get(i - 1).text().length());
        }
        assertThat(labels).filteredOn(l -> l.text().equals("Identification Number"))
                .extracting(OfacRemarksParser.IdLabel::type).containsExactly(IdentifierType.NATIONAL_ID);
    }

    static List<String> facts(OfacRemarksParser.Result r) {
        List<String> f = new ArrayList<>();
        r.datesOfBirth().forEach(d -> f.add("dob " + d.iso() + " " + d.precision() + " '" + d.text() + "'"));
        r.placesOfBirth().forEach(p -> f.add("pob " + p));
        r.nationalities().forEach(n -> f.add("nationality " + n));
        r.citizenships().forEach(c -> f.add("citizenship " + c));
        if (r.gender() != null) {
            f.add("gender " + r.gender());
        }
        r.identifiers().forEach(i -> f.add("id " + i.type() + " '" + i.label() + "' " + i.value() + " country="
                + i.issuingCountry() + " code=" + i.countryCode() + " note=" + i.note()));
        r.aliases().forEach(a -> f.add("alias " + a.kind() + " " + a.quality() + " " + a.fullName()));
        r.relations().forEach(x -> f.add("relation " + x.kind() + " -> " + x.targetName()));
        r.remarks().forEach(x -> f.add("remark " + x));
        return f;
    }

    private static Arguments c(String name, String remarks, String... facts) {
        return arguments(named(name, remarks), List.of(facts));
    }
}
