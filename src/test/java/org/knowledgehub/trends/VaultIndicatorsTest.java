package org.knowledgehub.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.trends.IndicatorImportApiTest.exact;
import static org.knowledgehub.trends.IndicatorImportApiTest.series;
import static org.knowledgehub.trends.IndicatorImportApiTest.valueIn;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The real VASyR vault workbooks of {@code ../shared/data/vasyr-indicators/}, when that folder
 * exists (skipped otherwise): every workbook reads, yields values (the metadata workbook aside),
 * for governorates and districts where it lists them, and names no area the areas scheme does not
 * know; stacked tables and districts listed without a heading are read; and the imported values
 * are those of the files (the national share of households below the SMEB: 50.98% in 2018, 54.96%
 * in 2019, 88.65% in 2020, 89.84% in 2022), moderate or severe food insecurity derived as the sum
 * of the moderate and the severe columns.
 */
class VaultIndicatorsTest extends HubTest {

    static final Path FOLDER = Path.of("../shared/data/vasyr-indicators");

    @Autowired
    TableInterpreter interpreter;
    @Autowired
    AreaResolver areas;

    @BeforeEach
    void requireTheVault() {
        Assumptions.assumeTrue(Files.isDirectory(FOLDER), "the VASyR vault workbooks are not in "
                + FOLDER.toAbsolutePath().normalize() + ": the real-data test is skipped");
    }

    @Test
    void theImportedSharesBelowTheSmebAreThoseOfTheWorkbooks() throws IOException {
        Map<String, String> files = Map.of(
                "economic_vulnerability__ec3.xlsx", "2018",
                "economic_vulnerability__Vault_MEB_SMEB.xlsx", "2019",
                "economic_vulnerability__Vault_Econ_Vuln2_2020.xlsx", "2020",
                "vasyr_vault_2022__Food_Security_Final_2022.xlsx", "2022");
        Map<String, Integer> catalogYears = catalogYears();
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            assertThat(catalogYears.get(f.getKey())).as("year of " + f.getKey() + " in the catalogue").hasToString(f.getValue());
            Http.Response r = admin().upload("/api/indicators/import", f.getKey(), Files.readAllBytes(FOLDER.resolve(f.getKey())),
                    Map.of("year", f.getValue(), "source", "VASyR " + f.getValue() + " vault, UNHCR/UNICEF/WFP"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("unresolvedAreas").size()).as(f.getKey()).isZero();
        }
        JsonNode lebanon = series(exact(http().get("/api/trends?indicator=below-smeb&area=LB")), "area", "LB", (String) null);
        assertThat(valueIn(lebanon, 2018)).isEqualTo("50.97857788969753");
        assertThat(valueIn(lebanon, 2019)).isEqualTo("54.95804993069183");
        assertThat(valueIn(lebanon, 2020)).isEqualTo("88.65159543413835");
        assertThat(valueIn(lebanon, 2022)).isEqualTo("89.84116904538585");
        JsonNode bekaa = exact(http().get("/api/trends?indicator=below-smeb&area=LB2"));
        assertThat(valueIn(series(bekaa, "area", "LB2", (String) null), 2020)).isEqualTo("96.40151854168618");
        assertThat(valueIn(series(bekaa, "area", "LB2", (String) null), 2022)).as("'Beqaa' in 2022").isEqualTo("96.44034109152209");
        assertThat(valueIn(series(bekaa, "child", "LB25", (String) null), 2019)).isEqualTo("70.96774193548402");
    }

    @Test
    void everyWorkbookReadsWithValuesForEveryLevelOfAreaItNamesAndEveryAreaNameInItResolves() throws IOException {
        Map<String, Integer> observations = new TreeMap<>();
        Map<String, Set<Integer>> levelsRead = new TreeMap<>();
        Map<String, Set<Integer>> levelsNamed = new TreeMap<>();
        TreeSet<String> unresolved = new TreeSet<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList()) {
                String name = file.getFileName().toString();
                Set<Integer> levels = new TreeSet<>();
                int n = 0;
                for (ReadTable table : VaultReader.read(Files.readAllBytes(file), areas::levels)) {
                    TableInterpreter.Interpreted i = interpreter.interpret(table, 2020, null);
                    n += i.observations().size();
                    i.observations().forEach(o -> levels.add(areas.level(ResourceFactory.createResource(o.area()))));
                    i.unresolvedAreas().forEach(a -> unresolved.add(a + " (" + name + ")"));
                }
                observations.put(name, n);
                levelsRead.put(name, levels);
                levelsNamed.put(name, levelsNamed(file));
            }
        }
        assertThat(observations).hasSizeGreaterThan(60);
        assertThat(observations).allSatisfy((file, n) -> {
            if (file.endsWith("_META.xlsx")) {
                assertThat(n).as(file + " holds only metadata").isZero();
            } else {
                assertThat(n).as(file).isPositive();
            }
        });
        // A workbook that lists governorates (districts) has values for governorates (districts), whatever its layout.
        assertThat(levelsRead).allSatisfy((file, levels) -> assertThat(levels).as(file).containsAll(levelsNamed.get(file)));
        assertThat(levelsNamed.values().stream().filter(l -> l.contains(2)).count()).as("workbooks with districts").isGreaterThan(50);
        assertThat(unresolved).as("area names that are neither P-codes nor names of the areas scheme").isEmpty();
    }

    @Test
    void stackedTablesAreReadEachWithItsHeadingsAndAreaNamesBesideAMergedLevelLabel() throws IOException {
        // 14 tables stacked in one sheet; "Governorate" is a merged cell (B7:B14) left of the area names.
        List<TableInterpreter.NewObservation> education = interpreted("education__Vault_Education.xlsx");
        assertThat(valueOf(education, "LB7", "Primary school net attendance ratio (adjusted): Children of primary school age (6-11) "
                + "not attending primary or secondary school")).as("G7").isEqualTo("33.182844243792653");
        assertThat(valueOf(education, "LB5", "Primary school net attendance ratio (adjusted): Children of primary school age (6-11) "
                + "not attending primary or secondary school")).as("G13").isEqualTo("34.653194736745974");
        assertThat(valueOf(education, "LB2", "Reasons for not being enrolled at school (ages 3-17): Cost of transportation"))
                .as("F141, 'Beqaa'").isEqualTo("10.6");
        assertThat(valueOf(education, "LB2", "School readiness: % of children in first grade of primary school who: 15: "
                + "Were enrolled in pre-school last school year")).as("E202").isEqualTo("43.62526306938514");

        // Five stacked tables; the first two differ only by their title (this school year, the previous one).
        List<TableInterpreter.NewObservation> youth = interpreted("education__Vault_Education_Youth.xlsx");
        assertThat(valueOf(youth, "LB7", "Enrolment rates of Syrian refugee youth aged 15-24 in Lebanon this school year (2018/2019): "
                + "Syrian youth between 15-24 years old: Enrolled in formal education (2018/2019)")).as("E8").isEqualTo("14.189189189189286");
        assertThat(valueOf(youth, "LB7", "Enrolment rates of Syrian refugee youth aged 15-24 in Lebanon during previous school year "
                + "(2017/2018): Syrian youth between 15-24 years old: Enrolled in formal education (2017/2018)")).as("E27")
                .isEqualTo("19.594594594594753");
        assertThat(youth.stream().filter(o -> o.row() > 60).count()).as("the tables below the first ones").isPositive();
    }

    @Test
    void districtsListedRightAfterTheGovernoratesAreDistricts() throws IOException {
        // Sheet "Sectors Individual": the governorates (rows 7-14), then the districts without a heading (rows 15-40).
        List<TableInterpreter.NewObservation> livelihoods = interpreted("livelihoods__Vault_Livelihoods2_2020.xlsx");
        assertThat(valueOf(livelihoods, "LB5", "Agriculture: yes")).as("the North, E13").isEqualTo("38.79472693032015");
        assertThat(valueOf(livelihoods, "LB51", "Agriculture: yes")).as("Akkar, the district, E15").isEqualTo("1.171875");
        assertThat(valueOf(livelihoods, "LB31", "Agriculture: yes")).as("Aley, E16").isEqualTo("51.5625");
        assertThat(valueOf(livelihoods, "LB11", "Agriculture: yes")).as("Beirut, the district, E20").isEqualTo("38.59649122807018");
        assertThat(livelihoods.stream().filter(o -> o.column().equals("Agriculture: yes")).count())
                .as("Lebanon, 8 governorates and 26 districts").isEqualTo(35);
    }

    @Test
    void moderateOrSevereFoodInsecurityIsDerivedFromTheModerateAndTheSevereColumns() throws IOException {
        String file = "food_security__Vault_Food_Security_2020.xlsx";
        Http.Response r = admin().upload("/api/indicators/import", file, Files.readAllBytes(FOLDER.resolve(file)),
                Map.of("year", "2020", "source", "VASyR 2020 vault, UNHCR/UNICEF/WFP"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        // Sheet "Food Security", columns D and E: moderately and severely food insecure households, of Lebanon (row 5) and the Bekaa (row 10).
        Map<String, List<String>> shares = Map.of("LB", List.of("45.531468400416325", "3.5216276483521027"),
                "LB2", List.of("56.31278368951249", "5.621176876543206"));
        for (Map.Entry<String, List<String>> area : shares.entrySet()) {
            String code = area.getKey();
            String moderate = area.getValue().get(0);
            String severe = area.getValue().get(1);
            assertThat(valueIn(trend("moderate-food-insecurity", code), 2020)).isEqualTo(moderate);
            assertThat(valueIn(trend("severe-food-insecurity", code), 2020)).isEqualTo(severe);
            assertThat(valueIn(trend("moderate-severe-food-insecurity", code), 2020)).as(code)
                    .isEqualTo(new BigDecimal(moderate).add(new BigDecimal(severe)).stripTrailingZeros().toPlainString());
        }
        String observation = null;
        for (JsonNode p : trend("moderate-severe-food-insecurity", "LB").get("points")) {
            if (p.get("year").asInt() == 2020) {
                observation = p.get("observation").asString();
            }
        }
        JsonNode parts = IndicatorImportApiTest.sparql(http(), IndicatorImportApiTest.PREFIXES + """
                SELECT ?column ?indicator ?partColumn WHERE {
                  <%s> kh:sourceColumn ?column ; prov:wasDerivedFrom ?part .
                  ?part kh:indicator ?indicator ; kh:sourceColumn ?partColumn .
                }""".formatted(observation));
        List<String> derivedFrom = new ArrayList<>();
        parts.forEach(p -> derivedFrom.add(p.get("indicator").get("value").asString().replaceAll(".*/", "") + " <- "
                + p.get("partColumn").get("value").asString()));
        assertThat(derivedFrom).containsExactlyInAnyOrder(
                "moderate-food-insecurity <- Food Security Classification: Moderately Food Insecure",
                "severe-food-insecurity <- Food Security Classification: Severely Food Insecure");
        assertThat(parts.get(0).get("column").get("value").asString())
                .isEqualTo("Food Security Classification: Moderately Food Insecure + Food Security Classification: Severely Food Insecure");
    }

    /** The series of an area for values without a population group (as the vault gives them). */
    private JsonNode trend(String indicator, String area) {
        return series(exact(http().get("/api/trends?indicator=" + indicator + "&area=" + area)), "area", area, (String) null);
    }

    private List<TableInterpreter.NewObservation> interpreted(String file) throws IOException {
        List<TableInterpreter.NewObservation> out = new ArrayList<>();
        for (ReadTable table : VaultReader.read(Files.readAllBytes(FOLDER.resolve(file)), areas::levels)) {
            TableInterpreter.Interpreted i = interpreter.interpret(table, 2019, null);
            assertThat(i.unresolvedAreas()).as(file).isEmpty();
            out.addAll(i.observations());
        }
        return out;
    }

    /** The value of the only observation of an area (P-code) from a column, as a plain decimal. */
    private static String valueOf(List<TableInterpreter.NewObservation> observations, String area, String column) {
        List<TableInterpreter.NewObservation> found = observations.stream()
                .filter(o -> o.area().endsWith("/" + area) && column.equals(o.column())).toList();
        assertThat(found).as(area + ", " + column).hasSize(1);
        return found.getFirst().value().stripTrailingZeros().toPlainString();
    }

    /**
     * The levels (1 governorate, 2 district) of the areas a workbook names, anywhere in it, by a
     * name only areas of that level have ("Mount Lebanon", "Aley"; not "Akkar").
     */
    private Set<Integer> levelsNamed(Path file) throws IOException {
        Set<Integer> out = new TreeSet<>();
        try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        Set<Integer> levels = cell.getCellType() == CellType.STRING ? areas.levels(cell.getStringCellValue().strip()) : Set.of();
                        if (levels.size() == 1 && !levels.contains(0)) {
                            out.addAll(levels);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The year of each workbook: by its path in the catalogue, else by the table id its name ends with. */
    private static Map<String, Integer> catalogYears() throws IOException {
        Map<String, Integer> byPath = new HashMap<>();
        Map<String, Integer> byId = new HashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(FOLDER.resolve("vasyr_vault_indicator_catalog.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                Optional<Integer> year = r.get("year").matches("\\d{4}") ? Optional.of(Integer.parseInt(r.get("year"))) : Optional.empty();
                year.ifPresent(y -> {
                    String local = r.get("local_copy");
                    if (!local.isBlank()) {
                        byPath.putIfAbsent(local.substring(local.lastIndexOf('/') + 1), y);
                    }
                    byId.putIfAbsent(r.get("id").toLowerCase(Locale.ROOT), y);
                });
            }
        }
        Map<String, Integer> out = new HashMap<>(byPath);
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (String name : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xlsx")).toList()) {
                String id = name.substring(name.indexOf("__") + 2, name.length() - 5).toLowerCase(Locale.ROOT);
                if (!out.containsKey(name) && byId.containsKey(id)) {
                    out.put(name, byId.get(id));
                }
            }
        }
        return out;
    }

}
