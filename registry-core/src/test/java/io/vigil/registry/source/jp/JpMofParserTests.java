package io.vigil.registry.source.jp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.testing.Workbooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The jp-mof parser on small workbooks in the MOF layout, written by the test in .xlsx and .xls. */
class JpMofParserTests {

    static final String DPRK = "17.北朝鮮(協調；個人)";
    static final List<Object> DPRK_HEADER = List.of("告示日付", "告示番号", "日本語表記", "英語表記", "別称・別名", "役職",
            "生年月日", "国籍", "旅券番号", "身分証番号", "住所", "その他の情報");

    @TempDir
    Path tmp;

    private final JpMofParser parser = new JpMofParser();

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    /** An index sheet, a lifted programme, the coordinated DPRK sheet and an organizations sheet. */
    static Map<String, List<List<Object>>> fixture() {
        Map<String, List<List<Object>>> sheets = Workbooks.sheets();
        sheets.put("一覧", List.of(row("このファイルは、外為法に基づく資産凍結等の措置の情報をExcel形式にしたもの（暫定版）")));
        sheets.put("8.【解除】リベリア", List.of(row("リベリア前政権の高官又はその関係者等"), row("【2015年12月18日告示廃止】")));
        sheets.put(DPRK, List.of(
                row("国際平和のための国際的な努力に我が国として寄与するために講ずる資産凍結等の措置の対象となる"),
                row("（注）#で標記した個人は、国連安保理決議第1718号等に基づく資産凍結措置の対象者にも指定されている。"),
                DPRK_HEADER,
                row("2013.4.5\n2017.6.9改訂\n2022.8.3改訂", "1(#48)", "ピョン・チャンス", "PYON CHANG SU",
                        "ピョン・チャンシュ\nByon Chang Su", "国防委員会元委員", 13960, "北朝鮮"),
                row("2016.3.11削除", "2"),
                row("2023.3.17", "73", "チョン・イルホ", "Jon Il Ho", "Chon Il Ho", "ミュニションズ・インダストリー・デパートメント副部長",
                        20505, "北朝鮮", "PS463120423（北朝鮮旅券）", null, "北朝鮮", "所在地：北朝鮮\n性別：男性"),
                row("2023.3.17", "74", "キム・スギル", "Kim Su Gil", "キム・スキル\nKim Su-kil", null, "1950年", "北朝鮮",
                        null, null, "北朝鮮", "性別：男性"),
                row(null, null, null, null, null, null, null, null, null, null, null, "補足：継続行"),
                row("2023.3.17", "75", "ユ・ジン", "Yu Jin", "ユ・チン\nYu Chin; Yoo Jin", null, "1960年頃", "北朝鮮",
                        null, null, "北朝鮮", "性別：男性"),
                row("2016.2.19\n2016.3.11改訂", "#27", "リョ・ジン", "RYO JIN", null, null, "1963年から1965年の間",
                        "北朝鮮", "563990218")));
        sheets.put("16.北朝鮮(協調；団体)", List.of(
                row("北朝鮮に関連する団体"),
                row("告示日付", "告示番号", "日本語表記", "英語表記", "別称・旧称", "所在地"),
                row("2016.12.2", "1", "コリア・ナムガン・トレーディング", "Korea Namgang Trading Corporation",
                        "(a)ナムガン・トレーディング、(b)Namgang Trading", "北朝鮮")));
        return sheets;
    }

    private static Map<String, Party> byId(ParsedList list) {
        return list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void parse_fixture_readsEntriesSkipsRemovedAndLiftedAndCitesJapan(boolean xls) throws Exception {
        // given the fixture as .xlsx and as the older .xls
        Path file = Workbooks.write(tmp.resolve(xls ? "shisantouketsu.xls" : "shisantouketsu.xlsx"), fixture(), xls);

        // when
        JpMofParser.Result result = parser.read(file);
        ParsedList list = result.list();

        // then the two programme sheets with a header are read, the removed row is not a party
        assertThat(result.programmeSheets()).isEqualTo(2);
        assertThat(result.removedRows()).isEqualTo(1);
        assertThat(list.parties()).extracting(Party::id).containsExactly("jp:17-1", "jp:17-73", "jp:17-74",
                "jp:17-75", "jp:17-27", "jp:16-1");
        assertThat(list.source().sourceType()).isEqualTo("jp-mof");
        assertThat(list.source().authority()).isEqualTo(Authorities.JAPAN_MOF);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2023, 3, 17));
        assertThat(list.source().publicationDateNote()).contains("latest 告示日付");
        assertThat(list.warnings()).isEmpty();

        // and JON Il Ho is cited with Japan's listing date, the Act and the sheet's programme
        Party jon = byId(list).get("jp:17-73");
        assertThat(jon.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(jon.names()).extracting(PartyName::fullName, PartyName::kind).containsExactly(
                tuple("Jon Il Ho", NameKind.PRIMARY), tuple("チョン・イルホ", NameKind.PRIMARY),
                tuple("Chon Il Ho", NameKind.AKA));
        assertThat(jon.datesOfBirth()).containsExactly(PartialDate.ofDay(1956, 2, 20, "1956-02-20"));
        assertThat(jon.nationalities()).containsExactly("KP");
        assertThat(jon.gender()).isEqualTo("Male");
        assertThat(jon.identifiers()).extracting(Identifier::type, Identifier::value, Identifier::countryCode)
                .containsExactly(tuple(IdentifierType.PASSPORT, "PS463120423", "KP"));
        assertThat(jon.designations()).containsExactly(new Designation(Authorities.JAPAN_MOF,
                Authorities.JAPAN_MOF_LIST, "北朝鮮(協調；個人)", JpMofParser.LEGAL_BASIS, LocalDate.of(2023, 3, 17),
                "73", JpMofParser.URL, "jp-mof"));

        // and text dates of birth keep their precision; the continuation row is a remark of the entry above
        Party kim = byId(list).get("jp:17-74");
        assertThat(kim.datesOfBirth()).extracting(PartialDate::iso, PartialDate::precision)
                .containsExactly(tuple("1950", DatePrecision.YEAR));
        assertThat(kim.names()).extracting(PartyName::fullName).contains("キム・スキル", "Kim Su-kil");
        assertThat(kim.remarks()).contains("補足：継続行");
        Party yu = byId(list).get("jp:17-75");
        assertThat(yu.datesOfBirth()).extracting(PartialDate::iso).containsExactly("1960");
        assertThat(yu.names()).extracting(PartyName::fullName).containsExactly("Yu Jin", "ユ・ジン", "ユ・チン",
                "Yu Chin", "Yoo Jin");
        Party ryo = byId(list).get("jp:17-27");
        assertThat(ryo.primaryName()).isEqualTo("RYO JIN");
        assertThat(ryo.datesOfBirth()).extracting(PartialDate::iso, PartialDate::precision)
                .containsExactly(tuple("1963/1965", DatePrecision.RANGE));
        assertThat(ryo.designations().get(0).sourceReference()).isEqualTo("#27");
        assertThat(ryo.identifiers()).extracting(Identifier::value).containsExactly("563990218");

        // and the first date is the listing date; amendments and the UN cross-reference are remarks
        Party pyon = byId(list).get("jp:17-1");
        assertThat(pyon.names()).extracting(PartyName::fullName).containsExactly("PYON CHANG SU", "ピョン・チャンス",
                "ピョン・チャンシュ", "Byon Chang Su");
        assertThat(pyon.designations().get(0).listedOn()).isEqualTo(LocalDate.of(2013, 4, 5));
        assertThat(pyon.designations().get(0).sourceReference()).isEqualTo("1(#48)");
        assertThat(pyon.datesOfBirth()).extracting(PartialDate::iso).containsExactly("1938-03-21");
        assertThat(pyon.remarks()).anySatisfy(r -> assertThat(r).contains("2017.6.9改訂"))
                .anySatisfy(r -> assertThat(r).contains("#48"));

        // and the organizations sheet gives organizations with enumerated aliases
        Party namgang = byId(list).get("jp:16-1");
        assertThat(namgang.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(namgang.names()).extracting(PartyName::fullName, PartyName::kind).containsExactly(
                tuple("Korea Namgang Trading Corporation", NameKind.PRIMARY),
                tuple("コリア・ナムガン・トレーディング", NameKind.PRIMARY),
                tuple("ナムガン・トレーディング", NameKind.FKA), tuple("Namgang Trading", NameKind.FKA));
        assertThat(namgang.names()).allMatch(n -> n.quality() == NameQuality.STRONG);
    }

    @Test
    void parse_textFile_isRefusedAsNotAWorkbook() throws Exception {
        Path file = Files.writeString(tmp.resolve("list.xlsx"), "告示日付,告示番号\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("list.xlsx: not a workbook: expected an Excel .xlsx (zip) or .xls (OLE2) file, found "
                        + "other content");
    }

    @Test
    void parse_truncatedWorkbook_isRefusedNamingTheFile() throws Exception {
        Path whole = Workbooks.write(tmp.resolve("whole.xlsx"), fixture(), false);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> parser.parse(cut)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("cut.xlsx: ");
    }

    @Test
    void parse_sameNoticeNumberTwiceInASheet_namesSheetAndRows() throws Exception {
        Map<String, List<List<Object>>> sheets = Workbooks.sheets();
        sheets.put(DPRK, List.of(DPRK_HEADER, row("2023.3.17", "73", "チョン・イルホ", "Jon Il Ho"),
                row("2023.3.17", "73", "キム・スギル", "Kim Su Gil")));
        Path file = Workbooks.write(tmp.resolve("dup.xlsx"), sheets, false);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("dup.xlsx sheet '17.北朝鮮(協調；個人)' row 3: 告示番号 73 appears twice in the sheet (first "
                        + "on row 2)");
    }

    @Test
    void parse_listingDateNotADate_namesSheetAndRow() throws Exception {
        Map<String, List<List<Object>>> sheets = Workbooks.sheets();
        sheets.put(DPRK, List.of(DPRK_HEADER, row("三月十七日", "73", "チョン・イルホ", "Jon Il Ho")));
        Path file = Workbooks.write(tmp.resolve("date.xlsx"), sheets, false);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("date.xlsx sheet '17.北朝鮮(協調；個人)' row 2: 告示日付 '三月十七日' does not start with a "
                        + "date like 2023.3.17");
    }

    @Test
    void parse_programmeSheetWithoutHeader_isRefused() throws Exception {
        Map<String, List<List<Object>>> sheets = Workbooks.sheets();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row("説明 " + i));
        }
        sheets.put("3.テロリスト等 (1)", rows);
        Path file = Workbooks.write(tmp.resolve("nohead.xlsx"), sheets, false);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("nohead.xlsx sheet '3.テロリスト等 (1)': no header row 告示日付 | 告示番号 | 日本語表記 | 英語表記 "
                        + "in the first 15 rows");
    }

    @Test
    void parse_workbookOfAnotherList_isRefused() throws Exception {
        Map<String, List<List<Object>>> sheets = Workbooks.sheets();
        sheets.put("Data", List.of(row("Last Updated", "04/05/2022"), row("Name 6", "Name 1")));
        Path file = Workbooks.write(tmp.resolve("conlist.xlsx"), sheets, false);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageContaining("conlist.xlsx: not a Japan MOF asset-freeze workbook");
    }

    @Test
    void datesOfBirth_readSerialsYearsTextAndSeveralDates() {
        assertThat(JpMofParser.datesOfBirth("20505")).extracting(PartialDate::iso).containsExactly("1956-02-20");
        assertThat(JpMofParser.datesOfBirth("1960")).extracting(PartialDate::iso).containsExactly("1960");
        assertThat(JpMofParser.datesOfBirth("(a)1964年3月5日\n(b)1965年3月")).extracting(PartialDate::iso)
                .containsExactly("1964-03-05", "1965-03");
        assertThat(JpMofParser.datesOfBirth("不明")).isEmpty();
    }

    @Test
    void parts_splitsMarksLinesAndSemicolons() {
        assertThat(JpMofParser.parts("(a)ソンアク・トレーディング、(b)ソンアク")).containsExactly("ソンアク・トレーディング", "ソンアク");
        assertThat(JpMofParser.parts("ユ・チン\nYu Chin; Yoo Jin")).containsExactly("ユ・チン", "Yu Chin", "Yoo Jin");
        assertThat(JpMofParser.parts("(a.k.a.: Warsame, Sheikh Abdi; Galaydh, Shaykh)")).containsExactly(
                "Warsame, Sheikh Abdi", "Galaydh, Shaykh");
        // the closing bracket of an alias list, full-width or not, is not part of the last name
        assertThat(JpMofParser.parts("(a.k.a.: Omar Khalid Nasser; Khalid Nasser Saleh）")).containsExactly(
                "Omar Khalid Nasser", "Khalid Nasser Saleh");
        assertThat(JpMofParser.parts("Omar Khalid Nasser）")).containsExactly("Omar Khalid Nasser");
        assertThat(JpMofParser.parts("Omar (Abu Khalid)")).containsExactly("Omar (Abu Khalid)");
    }

    @Test
    void parts_splitsAnEnglishAliasLineHoldingTwoFullNames() {
        // two names of three words or more joined by one comma: two aliases
        assertThat(JpMofParser.parts("サミル・ナディム・ハルーン、ファリド・ウサマ・カディル\n（a.k.a. Samir Nadim Haroun, Farid Usama Qadir）"))
                .containsExactly("サミル・ナディム・ハルーン、ファリド・ウサマ・カディル", "Samir Nadim Haroun", "Farid Usama Qadir");
        // SURNAME, Given: one name
        assertThat(JpMofParser.parts("ハルーン、サミル・ナディム\n（a.k.a. Haroun, Samir Nadim）"))
                .containsExactly("ハルーン、サミル・ナディム", "Haroun, Samir Nadim");
        assertThat(JpMofParser.parts("(a.k.a.: Abu Samir, Farid Usama Qadir)")).containsExactly("Abu Samir, Farid Usama Qadir");
        // each a.k.a. opens another name, with or without a comma before it
        assertThat(JpMofParser.parts("（a.k.a. AK Vostok PAO, a.k.a. PJSC Vostok a.k.a. Vostok Group)"))
                .containsExactly("AK Vostok PAO", "PJSC Vostok", "Vostok Group");
        // semicolons separate the names already
        assertThat(JpMofParser.parts("(a.k.a.: Haroun Samir Nadim, Junior; Qadir, Farid)"))
                .containsExactly("Haroun Samir Nadim, Junior", "Qadir, Farid");
    }
}
