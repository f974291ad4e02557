package io.incentivelab.simulation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Printing and re-parsing round-trips; random and hostile texts are refused with a column inside the text (or
 * just past its end) and never with any other exception; compiled programs agree with the scalar semantics.
 */
class ScoringProperties {

    @Provide
    Arbitrary<Expr> exprs() {
        return expr(4);
    }

    private Arbitrary<Expr> expr(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Arbitraries.of(Component.values()).map(Expr.Comp::new),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 1000).map(i -> (double) i),
                        Arbitraries.longs().between(0, Double.doubleToLongBits(1e12)).map(Double::longBitsToDouble),
                        Arbitraries.integers().between(1, 1000).map(i -> i * 1e-9))
                        .map(Expr.Num::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> expr(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(1, sub.map(Expr.Neg::new)),
                Tuple.of(4, Combinators.combine(Arbitraries.of('+', '-', '*', '/'), sub, sub)
                        .as(Expr.Bin::new)),
                Tuple.of(2, Combinators.combine(Arbitraries.of(Fn.MIN, Fn.MAX, Fn.PICK),
                        sub.list().ofMinSize(2).ofMaxSize(4)).as(Expr.Call::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(Fn.GATE, Fn.STEP), sub, sub)
                        .as((f, a, b) -> new Expr.Call(f, List.of(a, b)))),
                Tuple.of(1, sub.map(a -> new Expr.Call(Fn.INVERSE, List.of(a)))),
                Tuple.of(1, Combinators.combine(sub, Arbitraries.doubles().between(0.5, 1000))
                        .as((a, h) -> new Expr.Call(Fn.EMA, List.of(a, new Expr.Num(h))))));
    }

    @Property(tries = 500)
    void printThenParseRoundTrips(@ForAll("exprs") Expr e) {
        String text = e.print();
        if (text.length() > ScoringLimits.MAX_LENGTH || e.size() > ScoringLimits.MAX_NODES) {
            return;
        }
        Expr back = ScoringParser.parse(text);
        assertThat(back).isEqualTo(e);
        assertThat(back.print()).isEqualTo(text);
    }

    @Property(tries = 300)
    void compiledProgramsAgreeWithTheScalarSemantics(@ForAll("exprs") Expr e,
            @ForAll("columns") double[][] columns) {
        if (e.toString().contains("EMA")) {
            return; // ema depends on history; tested in ScoringParserTest
        }
        int n = columns[0].length;
        ScoringProgram p = ScoringProgram.compile(e);
        double[] out = new double[n];
        p.evaluate(columns, n, p.newState(n), out);
        for (int j = 0; j < n; j++) {
            double[] row = new double[columns.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = columns[c][j];
            }
            assertThat(out[j]).isEqualTo(ScoringProgram.evaluateScalar(e, row));
            assertThat(out[j]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(Double.MAX_VALUE);
        }
    }

    @Provide
    Arbitrary<double[][]> columns() {
        return Arbitraries.integers().between(1, 6).flatMap(n -> Arbitraries.oneOf(
                Arbitraries.doubles().between(-10, 1e6), Arbitraries.of(0.0, 1.0, 2.0, 1e-300, 1e300))
                .array(double[].class).ofSize(n).array(double[][].class).ofSize(Component.values().length));
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> alphabet = Arbitraries.strings().withChars("speedstoragequalitylatencygpuClass"
                + "minaxgtevrsckpo()(),,+-*/. 0123456789eE\t\n").ofMaxLength(60);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> mutated = Combinators.combine(exprs(), Arbitraries.integers().between(0, 1000),
                Arbitraries.strings().all().ofMaxLength(3)).as((e, at, junk) -> {
                    String t = e.print();
                    int i = Math.min(at, t.length());
                    return t.substring(0, i) + junk + t.substring(Math.min(t.length(), i + 1));
                });
        Arbitrary<String> big = Arbitraries.of("(".repeat(5000), "-".repeat(5000), "speed*".repeat(300),
                "min(" + "speed,".repeat(40) + "1)", "1" + "0".repeat(400), "9".repeat(900) + "e99999",
                "ema(speed, 1e99)", "ema(speed, 0)", "pick(speed)", "\u0000", "speed\uD800", "𝑠peed");
        return Arbitraries.oneOf(alphabet, anything, mutated, big);
    }

    @Property(tries = 2000)
    void hostileTextsAreRefusedWithAColumnOrAccepted(@ForAll("hostile") String text) {
        try {
            Expr e = ScoringParser.parse(text);
            assertThat(e.size()).isLessThanOrEqualTo(ScoringLimits.MAX_NODES);
            assertThat(e.depth()).isLessThanOrEqualTo(ScoringLimits.MAX_DEPTH);
            assertThat(ScoringParser.parse(e.print())).isEqualTo(e);
        } catch (ScoringSyntaxException ex) {
            assertThat(ex.column()).isBetween(1, Math.min(text.length(), ScoringLimits.MAX_LENGTH) + 1);
            assertThat(ex.getMessage()).startsWith("column " + ex.column() + ": ");
            assertThat(ex.detail()).isNotBlank();
        }
    }

    @Property(tries = 100)
    void everyPrefixOfAValidTextParsesOrNamesAColumn(@ForAll("exprs") Expr e) {
        String t = e.print();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i <= Math.min(t.length(), 200); i++) {
            prefixes.add(t.substring(0, i));
        }
        for (String p : prefixes) {
            hostileTextsAreRefusedWithAColumnOrAccepted(p);
        }
    }
}
