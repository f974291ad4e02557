package io.incentivelab.notebook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.Sensitivity;
import io.incentivelab.experiment.SensitivityAnalysis;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.NoteCell;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookFile;
import io.incentivelab.notebook.NotebookProblem;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.notebook.ScenarioFields;
import io.incentivelab.scenario.ExampleCatalog;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.sensitivity.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cell editors as components, without a browser (Karibu-Testing): what the user edits is what they emit. */
class CellEditorsTest {

    private final List<Cell> emitted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private <E extends CellEditor<?>> E attach(E editor) {
        editor.addChangedListener(e -> emitted.add(e.getCell()));
        UI.getCurrent().add(editor);
        return editor;
    }

    private static <T extends Component> T byPath(Class<T> type, String path) {
        return _get(type, spec -> spec.withPredicate(c -> path.equals(c.getElement().getAttribute("data-path"))));
    }

    private static ScenarioCell newScenario() {
        return new ScenarioCell("s1", "", (ObjectNode) ScenarioCodec.readTree(CellEditors.NEW_SCENARIO));
    }

    /** Opens the scenario's collapsed "Edit the scenario" section, as a click on it does. */
    private static void openForm() {
        _get(Details.class, s -> s.withClasses("scenario-editor")).setOpened(true);
    }

    private ObjectNode lastScenario() {
        return ((ScenarioCell) emitted.get(emitted.size() - 1)).scenario();
    }

    @Test
    void aNoteRendersSafely() {
        NoteCellEditor editor = attach(new NoteCellEditor(new NoteCell("n", "")));
        _setValue(_get(TextArea.class), "# Hi\n\n<script>alert(1)</script>");
        assertThat(((NoteCell) emitted.get(0)).markdown()).startsWith("# Hi");
        String html = _get(editor, Div.class, s -> s.withClasses("note-preview"))
                .getElement().getProperty("innerHTML");
        assertThat(html).contains("<h1>Hi</h1>", "&lt;script&gt;").doesNotContain("<script");
    }

    @Test
    void aScenarioOpensAsASummaryAndBuildsItsFormOnlyWhenOpened() {
        ObjectNode bad = (ObjectNode) ScenarioCodec.readTree(CellEditors.NEW_SCENARIO);
        ((ObjectNode) bad.get("subnets").get(0).get("miners")).put("operators", 1000);
        attach(new ScenarioCellEditor(new ScenarioCell("s1", "", bad), Map.of()));
        assertThat(_find(Component.class, s -> s.withPredicate(c -> c.getElement().hasAttribute("data-path")))).isEmpty();
        String summary = _get(Div.class, s -> s.withClasses("scenario-summary")).getElement().getTextRecursively();
        assertThat(summary).contains("my-scenario — 1 subnet, 5 days", "speed: SPEED, proportional, 1000 operators");
        String status = _get(Div.class, s -> s.withClasses("scenario-status")).getElement().getTextRecursively();
        assertThat(status).contains("2 problems:", "$.subnets[0].miners.operators", "must be between 1 and 256")
                .doesNotContain("beside the fields");
        openForm();
        TextField operators = byPath(TextField.class, "$.subnets[0].miners.operators");
        assertThat(operators.getErrorMessage()).contains("must be between 1 and 256");
        _setValue(operators, "16");
        assertThat(_get(Div.class, s -> s.withClasses("scenario-summary")).getElement().getTextRecursively())
                .contains("16 operators");
        assertThat(_get(Div.class, s -> s.withClasses("scenario-status")).getElement().getTextRecursively())
                .contains("Valid scenario");
    }

    @Test
    void aNewScenarioAndEveryPresetMoveTheHardwareAndAFixedPopulationSaysSo() {
        Scenario fresh = ScenarioCodec.parse(CellEditors.NEW_SCENARIO);
        assertThat(fresh.economics().enabled()).isTrue();
        assertThat(fresh.economics().arrivalsPerDay()).isPositive();
        assertThat(fresh.economics().strategies().adaptive()).isPositive();
        for (ExampleCatalog.Example e : ExampleCatalog.list()) {
            assertThat(e.scenario().economics().enabled()).as(e.name()).isTrue();
        }
        attach(new ScenarioCellEditor(newScenario(), Map.of()));
        assertThat(_get(Span.class, s -> s.withClasses("scenario-population")).getText()).startsWith("Moving population");

        ObjectNode fixed = (ObjectNode) ScenarioCodec.readTree(CellEditors.NEW_SCENARIO);
        fixed.remove("economics");
        MockVaadin.tearDown();
        MockVaadin.setup();
        attach(new ScenarioCellEditor(new ScenarioCell("s1", "", fixed), Map.of()));
        assertThat(_get(Span.class, s -> s.withClasses("scenario-population")).getText())
                .startsWith("Fixed population (economics off)").contains("placement rule, not from the incentive");
    }

    @Test
    void aReadOnlyScenarioOpensItsFormReadOnly() {
        ScenarioCellEditor editor = attach(new ScenarioCellEditor(newScenario(), Map.of()));
        editor.setReadOnly(true);
        editor.expand();
        assertThat(editor.expanded()).isTrue();
        assertThat(byPath(TextField.class, "$.subnets[0].miners.operators").isReadOnly()).isTrue();
        assertThat(_find(Button.class, s -> s.withText("Add subnet"))).as("hidden when read-only").isEmpty();
    }

    @Test
    void everyScenarioFieldHasAnInput() {
        attach(new ScenarioCellEditor(newScenario(), Map.of()));
        openForm();
        for (String path : List.of("$.name", "$.description", "$.network.horizonDays", "$.network.emissionSplit",
                "$.subnets[0].metric", "$.subnets[0].metricWeights.storage", "$.subnets[0].rewardCurve.alpha",
                "$.subnets[0].verification.auditRate", "$.subnets[0].yuma.liquidAlpha", "$.subnets[0].limits.maxUids",
                "$.subnets[0].emissionShare", "$.subnets[0].miners.compute.median", "$.subnets[0].miners.quality.beta",
                "$.subnets[0].validators.stake.explicitTao", "$.subnets[0].validators.cartelBoost")) {
            // hidden or not (a field of a switched-off section is in the form, hidden)
            List<Component> all = new ArrayList<>();
            collect(UI.getCurrent(), all);
            assertThat(all.stream().filter(c -> path.equals(c.getElement().getAttribute("data-path"))))
                    .as(path).hasSize(1);
        }
    }

    @Test
    void aBadValueIsShownBesideItsFieldWithTheCodecsMessage() {
        attach(new ScenarioCellEditor(newScenario(), Map.of()));
        openForm();
        TextField operators = byPath(TextField.class, "$.subnets[0].miners.operators");
        _setValue(operators, "1000");
        assertThat(operators.isInvalid()).isTrue();
        assertThat(operators.getErrorMessage()).contains("must be between 1 and 256");
        assertThat(lastScenario().at("/subnets/0/miners/operators").intValue()).isEqualTo(1000);
        _setValue(operators, "16");
        assertThat(operators.isInvalid()).isFalse();
    }

    private static String status() {
        return _get(Div.class, s -> s.withClasses("scenario-status")).getElement().getTextRecursively();
    }

    @Test
    void aNumberFieldKeepsWhatWasTypedAndNeverFallsBackToTheDefault() {
        attach(new ScenarioCellEditor(newScenario(), Map.of()));
        openForm();
        TextField operators = byPath(TextField.class, "$.subnets[0].miners.operators");
        // a non-integer in a whole-number field
        _setValue(operators, "2.5");
        assertThat(operators.getValue()).isEqualTo("2.5");
        assertThat(operators.isInvalid()).isTrue();
        assertThat(operators.getErrorMessage()).contains("must be an integer between 1 and 256");
        assertThat(lastScenario().at("/subnets/0/miners/operators").doubleValue()).isEqualTo(2.5);
        assertThat(status()).doesNotContain("Valid").contains("1 problem");
        // text in a number field (α is shown once the curve is POWER)
        @SuppressWarnings("unchecked")
        Select<String> curve = byPath(Select.class, "$.subnets[0].rewardCurve.type");
        _setValue(curve, "POWER");
        TextField alpha = byPath(TextField.class, "$.subnets[0].rewardCurve.alpha");
        _setValue(alpha, "abc");
        assertThat(alpha.getValue()).isEqualTo("abc");
        assertThat(alpha.getErrorMessage()).contains("must be a number", "\"abc\"");
        assertThat(lastScenario().at("/subnets/0/rewardCurve/alpha").textValue()).isEqualTo("abc");
        // out of range
        _setValue(operators, "-3");
        assertThat(operators.getValue()).isEqualTo("-3");
        assertThat(operators.getErrorMessage()).contains("between 1 and 256");
        assertThat(status()).contains("2 problems");
        // fixed; an emptied field takes the default, which it shows
        _setValue(operators, " 12 ");
        _setValue(alpha, "");
        assertThat(lastScenario().at("/subnets/0/miners/operators").intValue()).isEqualTo(12);
        assertThat(lastScenario().at("/subnets/0/rewardCurve").has("alpha")).isFalse();
        assertThat(alpha.getValue()).isNotEmpty();
        assertThat(status()).contains("Valid scenario");
    }

    @Test
    void typedNumbersReadAsJson() {
        assertThat(FieldInput.number(ScenarioFields.Kind.INTEGER, "42").isInt()).isTrue();
        assertThat(FieldInput.number(ScenarioFields.Kind.INTEGER, "4.0").intValue()).isEqualTo(4);
        assertThat(FieldInput.number(ScenarioFields.Kind.INTEGER, "99999999999").isLong()).isTrue();
        assertThat(FieldInput.number(ScenarioFields.Kind.NUMBER, "1e-3").doubleValue()).isEqualTo(0.001);
        assertThat(FieldInput.number(ScenarioFields.Kind.NUMBER, ".5").doubleValue()).isEqualTo(0.5);
        assertThat(FieldInput.number(ScenarioFields.Kind.NUMBER, "5d").isTextual()).isTrue();
        assertThat(FieldInput.number(ScenarioFields.Kind.NUMBER, "NaN").isTextual()).isTrue();
        assertThat(FieldInput.number(ScenarioFields.Kind.NUMBER, "  ")).isNull();
    }

    @Test
    void aChoiceAndASecondSubnet() {
        attach(new ScenarioCellEditor(newScenario(), Map.of()));
        openForm();
        @SuppressWarnings("unchecked")
        Select<String> curve = byPath(Select.class, "$.subnets[0].rewardCurve.type");
        _setValue(curve, "WINNER_TAKE_ALL");
        assertThat(lastScenario().at("/subnets/0/rewardCurve/type").textValue()).isEqualTo("WINNER_TAKE_ALL");
        _click(_get(Button.class, s -> s.withText("Add subnet")));
        assertThat(lastScenario().get("subnets")).hasSize(2);
        TextField name = byPath(TextField.class, "$.subnets[1].name");
        _setValue(name, "storage");
        assertThat(lastScenario().at("/subnets/1/name").textValue()).isEqualTo("storage");
        _setValue(name, "storage!");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("letters, digits");
    }

    @Test
    void theFormShowsOnlyTheChosenCurvesParameterAndNoFieldsOfASwitchedOffSection() {
        attach(new ScenarioCellEditor(newScenario(), Map.of()));
        openForm();
        Component alpha = byAnyPath("$.subnets[0].rewardCurve.alpha");
        assertThat(alpha.isVisible()).isFalse();
        assertThat(byAnyPath("$.subnets[0].rewardCurve.k").isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        Select<String> curve = byPath(Select.class, "$.subnets[0].rewardCurve.type");
        _setValue(curve, "POWER");
        assertThat(alpha.isVisible()).isTrue();
        assertThat(byAnyPath("$.subnets[0].rewardCurve.k").isVisible()).isFalse();

        // economics on in a new scenario: its fields show; off, they hide (the switch itself stays)
        Component arrivals = byAnyPath("$.economics.arrivalsPerDay");
        assertThat(arrivals.isVisible()).isTrue();
        _setValue(byPath(Checkbox.class, "$.economics.enabled"), false);
        assertThat(arrivals.isVisible()).isFalse();
        assertThat(byAnyPath("$.economics.enabled").isVisible()).isTrue();
        // the market sections show only under a market rule
        assertThat(byAnyPath("$.network.market").isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        Select<String> split = byPath(Select.class, "$.network.emissionSplit");
        _setValue(split, "PRICE_EMA");
        assertThat(byAnyPath("$.network.market").isVisible()).isTrue();
        assertThat(byAnyPath("$.subnets[0].market").isVisible()).isTrue();
        assertThat(byAnyPath("$.network.market.flowEmaRate").isVisible()).isFalse();
    }

    @Test
    void aSweptNumberStartsOnASensibleRange() {
        // a fraction: its whole range
        assertThat(SweepAxisRow.defaultRange(0.0, 1.0, 0.18, false)).containsExactly(0.0, 1.0);
        // pool TAO 20,000 within (0, 21M]: half to twice it, not 0 to 10
        assertThat(SweepAxisRow.defaultRange(0.0, 21e6, 20_000, false)).containsExactly(10_000.0, 40_000.0);
        // operators 32 in [1, 256], whole numbers
        assertThat(SweepAxisRow.defaultRange(1.0, 256.0, 32, true)).containsExactly(16.0, 64.0);
        // a field at 0 with a wide range: its lower bound and ten more
        assertThat(SweepAxisRow.defaultRange(0.0, 10_000.0, 0, false)).containsExactly(0.0, 10.0);
        assertThat(SweepAxisRow.defaultRange(1.0, 8.0, 3, true)).containsExactly(2.0, 6.0);
    }

    @Test
    void aScoringPresetWritesItsExpressionAndNoneClearsIt() {
        attach(new ScenarioCellEditor(newScenario(), Map.of()));
        openForm();
        TextField scoring = byPath(TextField.class, "$.subnets[0].scoring");
        assertThat(scoring.getLabel()).isEqualTo("Scoring expression");
        @SuppressWarnings("unchecked")
        Select<String> presets = _get(Select.class, s -> s.withLabel("Scoring preset"));
        _setValue(presets, "gpu-eligibility");
        assertThat(scoring.getValue()).isEqualTo("speed * step(gpuClass, 2)");
        assertThat(lastScenario().at("/subnets/0/scoring").textValue()).isEqualTo("speed * step(gpuClass, 2)");
        assertThat(presets.getHelperText()).contains("class 2 or above");
        _setValue(scoring, "speed * (quality + )");
        assertThat(scoring.isInvalid()).isTrue();
        assertThat(scoring.getErrorMessage()).startsWith("column 20:");
        _setValue(presets, "none");
        assertThat(scoring.getValue()).isEmpty();
        assertThat(lastScenario().at("/subnets/0").has("scoring")).isFalse();
        assertThat(status()).contains("Valid scenario");
    }

    @Test
    void theSensitivityViewRanksWithIntervalsAndSaysWhenTheDesignIsTooSmall() {
        Index big = new Index(1.95, 1.9, 2.0);
        Index one = new Index(1, 1, 1);
        Index zero = new Index(0, 0, 0);
        Index neg = new Index(-0.948, -1, -0.901);
        var r = new SensitivityAnalysis.Result(Sensitivity.Method.SALTELLI,
                "speed.giniEmission", 4, 0.95, List.of(new SensitivityAnalysis.ScenarioIndices("s",
                List.of(new SensitivityAnalysis.ParameterIndices("$.a", one, big, null, null, null),
                        new SensitivityAnalysis.ParameterIndices("$.b", neg, zero, null, null, null)),
                0.1, 24, 0)), null);
        SensitivityView view = new SensitivityView();
        view.show(r);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Which parameter matters for speed · Gini of miner emission",
                "sampling error of the design (N = 4)");
        var option = SensitivityView.option(r, r.scenarios().get(0));
        // never clipped: the axis starts below the lowest estimate and has no fixed top
        assertThat(option.at("/yAxis/min").asDouble()).isEqualTo(-1.0);
        assertThat(option.at("/yAxis").has("max")).isFalse();
        assertThat(option.at("/series/1/type").asText()).isEqualTo("boxplot");
        assertThat(option.at("/series/1/data/0/4").asDouble()).isEqualTo(2.0);
        assertThat(SensitivityView.cell(neg)).isEqualTo("-0.948 [-1.00, -0.901]");
        assertThat(SensitivityView.cell(zero)).isEqualTo("0 [0, 0]");
    }

    /** The component carrying a data-path, visible or not. */
    private static Component byAnyPath(String path) {
        List<Component> all = new ArrayList<>();
        collect(UI.getCurrent(), all);
        return all.stream().filter(c -> path.equals(c.getElement().getAttribute("data-path"))).findFirst()
                .orElseThrow(() -> new AssertionError("no component for " + path));
    }

    private static void collect(Component c, List<Component> out) {
        out.add(c);
        c.getChildren().forEach(child -> collect(child, out));
    }

    @Test
    void theJsonViewReadsBackAndRefusesBadJson() {
        attach(new ScenarioCellEditor(newScenario(), Map.of()));
        openForm();
        _get(Tabs.class).setSelectedIndex(1);
        TextArea json = _get(TextArea.class, s -> s.withLabel("Scenario JSON"));
        _setValue(json, "{ not json");
        _click(_get(Button.class, s -> s.withText("Apply JSON")));
        assertThat(json.isInvalid()).isTrue();
        assertThat(json.getErrorMessage()).contains("not valid JSON");
        _setValue(json, "{\"name\":\"from-json\",\"subnets\":[{\"name\":\"a\"},{\"name\":\"b\"}]}");
        _click(_get(Button.class, s -> s.withText("Apply JSON")));
        assertThat(lastScenario().get("subnets")).hasSize(2);
        assertThat(json.isInvalid()).isFalse();
        _get(Tabs.class).setSelectedIndex(0);
        assertThat(byPath(TextField.class, "$.name").getValue()).isEqualTo("from-json");
    }

    @Test
    void presetsReplaceTheScenario() {
        String preset = "{\"name\":\"preset\",\"subnets\":[{\"name\":\"x\"},{\"name\":\"y\"},{\"name\":\"z\"}]}";
        attach(new ScenarioCellEditor(newScenario(), Map.of("Three", preset)));
        @SuppressWarnings("unchecked")
        Select<String> presets = _get(Select.class, s -> s.withLabel("Start from a preset"));
        _setValue(presets, "Three");
        // an untouched new scenario is replaced at once
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(lastScenario().get("subnets")).hasSize(3);
        _click(_get(Button.class, s -> s.withText("Undo")));
        assertThat(lastScenario().get("subnets")).hasSize(1);
        assertThat(lastScenario().path("name").textValue()).isEqualTo("my-scenario");
    }

    @Test
    void theAlphaMarketPresetOpensWithItsFieldsLabelledWithUnitsAndErrorsBesideThem() {
        String market = ExampleCatalog.find("alpha-market.scenario.json").orElseThrow().json();
        attach(new ScenarioCellEditor(newScenario(), Map.of("Alpha market", market)));
        @SuppressWarnings("unchecked")
        Select<String> presets = _get(Select.class, s -> s.withLabel("Start from a preset"));
        _setValue(presets, "Alpha market");
        assertThat(lastScenario().at("/network/emissionSplit").textValue()).isEqualTo("PRICE_EMA");
        openForm();
        @SuppressWarnings("unchecked")
        Select<String> split = byPath(Select.class, "$.network.emissionSplit");
        assertThat(split.getValue()).isEqualTo("PRICE_EMA");
        assertThat(split.getListDataView().getItems().toList()).contains("PRICE_EMA", "FLOW", "FIXED", "EQUAL");
        @SuppressWarnings("unchecked")
        Select<String> gate = byPath(Select.class, "$.network.market.gate");
        assertThat(gate.getValue()).isEqualTo("OFF");
        assertThat(byPath(TextField.class, "$.network.market.rootStakeTao").getLabel()).isEqualTo("Root stake (TAO)");
        assertThat(byPath(TextField.class, "$.network.market.priceEmaHalvingBlocks").getLabel())
                .isEqualTo("EMA price halving period (blocks)");
        TextField poolTao = byPath(TextField.class, "$.subnets[0].market.poolTao");
        assertThat(poolTao.getLabel()).isEqualTo("Pool TAO (TAO)");
        assertThat(poolTao.getValue()).isEqualTo("20000");
        assertThat(byPath(TextField.class, "$.subnets[0].market.validatorTake").getLabel())
                .isEqualTo("Validator take (fraction of alpha dividends)");
        assertThat(byPath(TextField.class, "$.subnets[0].market.validatorTake").getValue()).isEqualTo("0.18");

        _setValue(poolTao, "-5");
        assertThat(poolTao.isInvalid()).isTrue();
        assertThat(poolTao.getErrorMessage()).contains("greater than 0");
        // the preset's gate is OFF: the gate's exponent is hidden, the TAO weight is not
        assertThat(byAnyPath("$.network.market.gateExponent").isVisible()).isFalse();
        TextField exponent = byPath(TextField.class, "$.network.market.taoWeight");
        _setValue(exponent, "9");
        assertThat(exponent.isInvalid()).isTrue();
        assertThat(exponent.getErrorMessage()).contains("between 0 and 1");
        assertThat(status()).contains("2 problems (shown beside the fields)");
        _setValue(poolTao, "30000");
        _setValue(exponent, "0.18");
        assertThat(poolTao.isInvalid()).isFalse();
        assertThat(lastScenario().at("/subnets/0/market/poolTao").doubleValue()).isEqualTo(30000);
        assertThat(status()).contains("Valid scenario");
    }

    @Test
    void aPresetOverAnEditedScenarioAsksFirstAndCanBeUndone() {
        String preset = "{\"name\":\"preset\",\"subnets\":[{\"name\":\"x\"},{\"name\":\"y\"},{\"name\":\"z\"}]}";
        attach(new ScenarioCellEditor(newScenario(), Map.of("Three", preset)));
        openForm();
        _setValue(byPath(TextField.class, "$.subnets[0].miners.operators"), "20");
        @SuppressWarnings("unchecked")
        Select<String> presets = _get(Select.class, s -> s.withLabel("Start from a preset"));
        int before = emitted.size();
        _setValue(presets, "Three");
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).contains("Replace", "Three");
        assertThat(emitted).as("nothing replaced before the answer").hasSize(before);
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(emitted).hasSize(before);
        assertThat(presets.getValue()).isNull();
        assertThat(byPath(TextField.class, "$.subnets[0].miners.operators").getValue()).isEqualTo("20");

        _setValue(presets, "Three");
        ConfirmDialogKt._fireConfirm(_find(ConfirmDialog.class).get(_find(ConfirmDialog.class).size() - 1));
        assertThat(lastScenario().get("subnets")).hasSize(3);
        Div undoBar = _get(Div.class, s -> s.withClasses("preset-undo"));
        assertThat(undoBar.getElement().getTextRecursively()).contains("Replaced by the preset \"Three\"");
        _click(_get(Button.class, s -> s.withText("Undo")));
        assertThat(lastScenario().get("subnets")).hasSize(1);
        assertThat(lastScenario().at("/subnets/0/miners/operators").intValue()).isEqualTo(20);
        assertThat(byPath(TextField.class, "$.subnets[0].miners.operators").getValue()).isEqualTo("20");
        assertThat(undoBar.isVisible()).isFalse();
    }

    @Test
    void anExperimentEmitsItsInputsAndAsksToRun() {
        ScenarioCell scenario = newScenario();
        ExperimentCell cell = new ExperimentCell("e1", "", List.of("s1"), Combine.GRID, List.of(), 5, 7, null);
        ExperimentCellEditor editor = attach(new ExperimentCellEditor(cell, List.of(scenario)));
        List<String> runs = new ArrayList<>();
        editor.addRunRequestedListener(e -> runs.add("run"));
        _setValue(_get(TextField.class, s -> s.withLabel("Replicates")), "3");
        _setValue(_get(TextField.class, s -> s.withLabel("Seed")), "42");
        _click(_get(Button.class, s -> s.withText("Add sweep axis")));
        ExperimentCell last = (ExperimentCell) emitted.get(emitted.size() - 1);
        assertThat(last.replicates()).isEqualTo(3);
        assertThat(last.seed()).isEqualTo(42);
        assertThat(last.axes()).hasSize(1);
        _click(_get(Button.class, s -> s.withText("Run")));
        assertThat(runs).containsExactly("run");
    }

    @Test
    void aStudyAsksForItsMetricAndSamplesAndItsParametersForARangeOnly() {
        ExperimentCell cell = new ExperimentCell("e1", "", List.of("s1"), Combine.GRID, List.of(), 1, 7, null);
        attach(new ExperimentCellEditor(cell, List.of(newScenario())));
        assertThat(_find(ComboBox.class, s -> s.withLabel("Metric to explain"))).isEmpty();
        @SuppressWarnings("unchecked")
        Select<Enum<?>> combine = _get(Select.class, s -> s.withLabel("Combine axes"));
        assertThat(combine.getListDataView().getItems().map(combine.getItemLabelGenerator()))
                .containsExactly("GRID", "ZIP", "SALTELLI", "MORRIS");
        _setValue(combine, Sensitivity.Method.SALTELLI);
        ComboBox<?> metric = _get(ComboBox.class, s -> s.withLabel("Metric to explain"));
        assertThat(metric.isVisible()).isTrue();
        TextField samples = _get(TextField.class, s -> s.withLabel("Samples"));
        assertThat(samples.getHelperText()).contains("N·(k+2)");
        _setValue(samples, "1");
        assertThat(samples.isInvalid()).isTrue();
        _setValue(samples, "32");
        _click(_get(Button.class, s -> s.withText("Add parameter")));
        ExperimentCell last = (ExperimentCell) emitted.get(emitted.size() - 1);
        assertThat(last.method()).isEqualTo(Sensitivity.Method.SALTELLI);
        assertThat(last.designName()).isEqualTo("SALTELLI");
        assertThat(last.samples()).isEqualTo(32);
        assertThat(last.axes()).hasSize(1);
        // a parameter is read as From–To: no kind or count to set
        SweepAxisRow row = _get(SweepAxisRow.class);
        assertThat(_find(Select.class, s -> s.withLabel("Kind"))).isEmpty();
        assertThat(_find(IntegerField.class, s -> s.withLabel("Count"))).isEmpty();
        assertThat(_get(row, NumberField.class, s -> s.withLabel("From")).isVisible()).isTrue();
        _setValue(combine, Combine.GRID);
        assertThat(metric.isVisible()).isFalse();
        ExperimentCell sweep = (ExperimentCell) emitted.get(emitted.size() - 1);
        assertThat(sweep.sensitivity()).isFalse();
        assertThat(sweep.combine()).isEqualTo(Combine.GRID);
        assertThat(_find(Select.class, s -> s.withLabel("Kind"))).hasSize(1);
    }

    @Test
    void replicatesBeyondTheLimitAreFlaggedAndRunIsDisabledWithTheReason() {
        ExperimentCell cell = new ExperimentCell("e1", "", List.of("s1"), Combine.GRID, List.of(), 5, 7, null);
        ExperimentCellEditor editor = attach(new ExperimentCellEditor(cell, List.of(newScenario())));
        List<String> runs = new ArrayList<>();
        editor.addRunRequestedListener(e -> runs.add("run"));
        TextField replicates = _get(TextField.class, s -> s.withLabel("Replicates"));
        assertThat(replicates.getHelperText()).isEqualTo("runs per sweep point, 1 – " + ExperimentCell.MAX_REPLICATES);
        Button run = _get(Button.class, s -> s.withText("Run"));
        for (String bad : List.of("20000", "0", "2.5", "many")) {
            _setValue(replicates, bad);
            assertThat(replicates.isInvalid()).as(bad).isTrue();
            assertThat(replicates.getErrorMessage()).contains("from 1 to " + ExperimentCell.MAX_REPLICATES);
            assertThat(replicates.getValue()).isEqualTo(bad);
            assertThat(run.isEnabled()).isFalse();
            assertThat(_get(Span.class, s -> s.withClasses("run-blocked")).getText())
                    .startsWith("Run is disabled: Replicates must be a whole number from 1 to");
        }
        editor.run();
        assertThat(runs).as("Shift+Enter does not run either").isEmpty();
        assertThat(editor.cell().replicates()).isEqualTo(5);
        _setValue(replicates, String.valueOf(ExperimentCell.MAX_REPLICATES));
        assertThat(replicates.isInvalid()).isFalse();
        assertThat(run.isEnabled()).isTrue();
        assertThat(editor.cell().replicates()).isEqualTo(ExperimentCell.MAX_REPLICATES);
        // the notebook format takes what the field takes
        assertThat(NotebookCodec.readFile(NotebookCodec.writeFile(
                new NotebookFile(new NotebookDocument(1, "t",
                        List.of(newScenario(), editor.cell())), Map.of()))).document().cells()).contains(editor.cell());
        editor.showPreview("", List.of(new NotebookProblem("$.subnets[0].name", "bad")));
        assertThat(run.isEnabled()).isFalse();
        assertThat(run.getTooltip().getText()).contains("$.subnets[0].name");
    }
}
