package io.incentivelab.simulation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoringParserTest {

    private static ScoringSyntaxException error(String text) {
        try {
            ScoringParser.parse(text);
        } catch (ScoringSyntaxException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void precedenceAndAssociativity() {
        assertThat(ScoringParser.parse("speed + storage * quality").print()).isEqualTo("speed + storage * quality");
        assertThat(ScoringParser.parse("(speed + storage) * quality").print())
                .isEqualTo("(speed + storage) * quality");
        assertThat(ScoringParser.parse("speed - (storage - quality)").print()).isEqualTo("speed - (storage - quality)");
        assertThat(ScoringParser.parse("(speed - storage) - quality").print()).isEqualTo("speed - storage - quality");
        assertThat(ScoringParser.parse("speed / (2 * quality)").print()).isEqualTo("speed / (2 * quality)");
        assertThat(ScoringParser.parse("-(speed+1)").print()).isEqualTo("-(speed + 1)");
        assertThat(ScoringParser.parse(" gate( speed ,0.5e1 )\n").print()).isEqualTo("gate(speed, 5)");
        assertThat(ScoringParser.parse("ema(quality,10)*pick(gpuClass,0,1,2.5)").print())
                .isEqualTo("ema(quality, 10) * pick(gpuClass, 0, 1, 2.5)");
    }

    @Test
    void syntaxErrorsNameTheColumnAndWhatWasExpected() {
        ScoringSyntaxException e = error("speed * (quality + )");
        assertThat(e.column()).isEqualTo(20);
        assertThat(e.getMessage()).startsWith("column 20: expected a number, a component");

        e = error("gate(speed 0.5)");
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.getMessage()).contains("expected ',' or ')'");

        e = error("speed * foo");
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.getMessage()).contains("unknown name 'foo'").contains("gpuClass").contains("ema");

        e = error("(speed");
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.getMessage()).contains("expected ')'").contains("the end");

        e = error("speed quality");
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.getMessage()).contains("expected an operator");

        e = error("gate(speed)");
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.getMessage()).contains("gate() takes 2 arguments, not 1");

        e = error("ema(speed, quality)");
        assertThat(e.getMessage()).contains("half-life");

        e = error("speed(1)");
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.getMessage()).contains("is a component, not a function");

        e = error("1.");
        assertThat(e.column()).isEqualTo(3);

        e = error("");
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.getMessage()).contains("the end");

        e = error("speed ∗ 2");
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.getMessage()).contains("U+2217");

        e = error("1e13 * speed");
        assertThat(e.getMessage()).contains("larger than");
    }

    @Test
    void limitsAreRefusedWithMessages() {
        assertThat(error("speed+".repeat(200) + "speed").getMessage()).contains("at most 1000");
        assertThat(error("(".repeat(100) + "speed" + ")".repeat(100)).getMessage()).contains("deeper than 64");
        assertThat(error("-".repeat(70) + "speed").getMessage()).contains("deeper than 64");
        // a flat but large expression: max(...) of sums stays shallow and breaks the node limit
        StringBuilder wide = new StringBuilder("max(");
        for (int i = 0; i < 16; i++) {
            wide.append(i > 0 ? "," : "").append("min(speed*speed*speed*speed,speed*speed*speed*speed)");
        }
        assertThat(wide.length()).isLessThan(1000);
        assertThat(error(wide.append(")").toString()).getMessage()).contains("more than 200 terms");
        assertThat(error("min(" + "speed,".repeat(16) + "speed)").getMessage()).contains("at most 16 arguments");
    }

    @Test
    void compiledColumnsMatchTheScalarSemantics() {
        String[] texts = {"speed", "2", "gate(speed, 3) * quality", "inverse(latency)", "speed / latency",
            "speed * step(gpuClass, 2)", "pick(gpuClass, 0, 1, speed, 4)", "-speed + max(storage, 1, quality)",
            "min(speed, storage) - 1 / 0", "(1 + 2) * speed", "gate(2, speed) + 3 / (1 - 1)"};
        double[][] cols = new double[5][];
        int n = 7;
        double[][] values = {{0, 1, 2, 3, 4, 5.5, 1e6}, {3, 2, 1, 0, 10, 0.5, 2}, {0.1, 0.9, 0.5, 0, 1, 0.3, 0.7},
            {0.2, 0, 1, 5, 1e-15, 3, 0.01}, {0, 1, 2, 3, -1, 2.7, 9}};
        for (int c = 0; c < 5; c++) {
            cols[c] = values[c];
        }
        for (String t : texts) {
            Expr e = ScoringParser.parse(t);
            ScoringProgram p = ScoringProgram.compile(e);
            double[] out = new double[n];
            p.evaluate(cols, n, p.newState(n), out);
            for (int j = 0; j < n; j++) {
                double[] row = new double[5];
                for (int c = 0; c < 5; c++) {
                    row[c] = values[c][j];
                }
                assertThat(out[j]).as(t + " uid " + j).isEqualTo(ScoringProgram.evaluateScalar(e, row));
                assertThat(out[j]).isGreaterThanOrEqualTo(0).isFinite();
            }
        }
    }

    @Test
    void semantics() {
        double[] row = {4, 0, 0.5, 0.25, 2};
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("gate(quality, 0.6) * speed"), row)).isZero();
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("gate(quality, 0.5) * speed"), row)).isEqualTo(2);
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("inverse(latency)"), row)).isEqualTo(4);
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("inverse(storage)"), row)).isZero();
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("speed / storage"), row)).isZero();
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("pick(gpuClass, 0, 1, 3)"), row)).isEqualTo(3);
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("pick(gpuClass + 5, 0, 1, 3)"), row))
                .isEqualTo(3);
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("pick(-gpuClass, 7, 1, 3)"), row)).isEqualTo(7);
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("1 - speed"), row)).isZero();
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("speed" + " * 1e12".repeat(30)), row)).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void productsFuseIntoFewerLoopsAndKeepTheScalarResults() {
        // a constant factor joins the loop that made the other factor; a step factor becomes one select
        String[][] cases = {
            {"gate(speed, 4) * 2 + min(speed, 50) * step(gpuClass, 0)", "4"},
            {"step(quality, 0.5) * (speed - storage) * -3", "2"},
            {"2 * (speed + storage) * 3", "2"},
            {"(speed * step(gpuClass, 1)) * 0.5 - 1e12 * latency * 1e12", "3"},
            {"inverse(speed) * 2", "2"}};
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 300;
        double[] specials = {0, -0.0, -1, 1e-300, 1e300, Double.MAX_VALUE, 4, 50};
        double[][] cols = new double[5][n];
        for (double[] col : cols) {
            for (int j = 0; j < n; j++) {
                col[j] = rnd.nextInt(4) == 0 ? specials[rnd.nextInt(specials.length)] : rnd.nextDouble(-5, 60);
            }
        }
        for (String[] c : cases) {
            Expr e = ScoringParser.parse(c[0]);
            ScoringProgram p = ScoringProgram.compile(e);
            assertThat(p.operations()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            double[] out = new double[n];
            p.evaluate(cols, n, p.newState(n), out);
            for (int j = 0; j < n; j++) {
                double[] row = new double[5];
                for (int k = 0; k < 5; k++) {
                    row[k] = cols[k][j];
                }
                assertThat(out[j]).as(c[0] + " uid " + j).isEqualTo(ScoringProgram.evaluateScalar(e, row));
            }
        }
    }

    @Test
    void constantSubtreesAreFolded() {
        assertThat(ScoringProgram.compile(ScoringParser.parse("speed")).operations()).isZero();
        assertThat(ScoringProgram.compile(ScoringParser.parse("speed * (2 + 3 * min(1, 4))")).operations()).isOne();
        assertThat(ScoringProgram.compile(ScoringParser.parse("pick(2, 1, 2, speed)")).operations()).isZero();
        assertThat(ScoringProgram.compile(ScoringParser.parse("-inverse(ema(pick(1, speed, 2), 3))")).operations()).isZero();
        assertThat(ScoringProgram.evaluateScalar(ScoringParser.parse("1 - inverse(ema(pick(1, speed, 2), 3))"), new double[5])).isEqualTo(0.5);
    }

    @Test
    void emaHasAHalfLifeAndPerUidState() {
        ScoringProgram p = ScoringParser.compile("ema(speed, 2)");
        assertThat(p.emaTerms()).isOne();
        ScoringProgram.EmaState st = p.newState(2);
        double[][] cols = new double[5][];
        double[] out = new double[2];
        cols[0] = new double[] {1, 8};
        p.evaluate(cols, 2, st, out);
        assertThat(out).containsExactly(1, 8);
        cols[0] = new double[] {0, 8};
        for (int epoch = 0; epoch < 2; epoch++) {
            p.evaluate(cols, 2, st, out);
        }
        // two half-lives of zeros halve the distance twice
        assertThat(out[0]).isCloseTo(0.5, within(1e-12));
        assertThat(out[1]).isEqualTo(8);
        st.reset(0);
        cols[0] = new double[] {3, 8};
        p.evaluate(cols, 2, st, out);
        assertThat(out[0]).isEqualTo(3);
        assertThatThrownBy(() -> p.evaluate(cols, 2, null, out)).isInstanceOf(IllegalArgumentException.class);
    }
}
