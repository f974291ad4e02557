package io.incentivelab.simulation.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scoring expression compiled once per run into a list of column operations: each operation runs one loop
 * over the UIDs (no tree is walked per UID). Subtrees without a component are folded into constants. The
 * engine calls {@link #evaluate} once per validator and epoch with that validator's measured component columns
 * and its {@link EmaState}; each call is one epoch for the {@code ema} terms.
 *
 * <p>Semantics (docs/scoring.md): {@code x / 0 = 0}; {@code inverse(x) = min(1/x, 1e12)} for x &gt; 0, else 0;
 * {@code gate(x, t) = x} where x ≥ t, else 0; {@code step(x, t) = 1} where x ≥ t, else 0;
 * {@code pick(i, v0..vk) = v_floor(i)} with the index clamped to [0, k]; {@code ema(x, h)} starts at a UID's
 * first value and then moves by a = 1 − 2^(−1/h) per epoch. A final score that is negative or not a number is
 * 0, and +∞ becomes {@link Double#MAX_VALUE}.
 *
 * <p>A program holds scratch columns: use one program per thread (a run compiles its own).
 */
public final class ScoringProgram {

    private static final int COMPONENTS = Component.values().length;
    private static final double INVERSE_CAP = 1e12;

    private final Expr expr;
    private final Op[] ops;
    private final int registers;
    private final int resultSlot;
    private final double resultConst;
    private final double[] emaAlpha;
    private final boolean[] uses = new boolean[COMPONENTS];
    private double[][] slots = new double[0][];
    private int capacity = -1;

    private ScoringProgram(Expr expr, List<Op> ops, int registers, Operand result, List<Double> emaAlpha) {
        this.expr = expr;
        this.ops = ops.toArray(new Op[0]);
        this.registers = registers;
        this.resultSlot = result.slot;
        this.resultConst = result.value;
        this.emaAlpha = emaAlpha.stream().mapToDouble(Double::doubleValue).toArray();
        for (Component c : Component.values()) {
            uses[c.ordinal()] = expr.uses(c);
        }
    }

    /** Compiles a parsed expression. */
    public static ScoringProgram compile(Expr expr) {
        Compiler c = new Compiler();
        Operand result = c.compile(expr);
        return new ScoringProgram(expr, c.ops, c.registers, result, c.emaAlpha);
    }

    /** The expression this program computes. */
    public Expr expr() {
        return expr;
    }

    /** Whether the expression reads component {@code c} (the engine measures only those). */
    public boolean uses(Component c) {
        return uses[c.ordinal()];
    }

    /** Number of {@code ema} terms (each keeps one value per UID in an {@link EmaState}). */
    public int emaTerms() {
        return emaAlpha.length;
    }

    /** Number of column operations after folding (for tests and the bench). */
    public int operations() {
        return ops.length;
    }

    /** Fresh ema state for {@code n} UIDs (every UID unseen). */
    public EmaState newState(int n) {
        return new EmaState(emaAlpha.length, n);
    }

    /**
     * Scores UIDs 0..n−1 into {@code out}. {@code components[c.ordinal()]} is the column of component c (at least
     * n long); columns of components the expression does not use may be null. Advances {@code state} by one
     * epoch (it may be null when {@link #emaTerms()} is 0). Returns the largest score (0 if none is positive).
     */
    public double evaluate(double[][] components, int n, EmaState state, double[] out) {
        if (emaAlpha.length > 0 && (state == null || state.values.length != emaAlpha.length || state.n < n)) {
            throw new IllegalArgumentException("ema state for " + emaAlpha.length + " terms and " + n
                    + " UIDs needed");
        }
        if (n > capacity) {
            slots = new double[COMPONENTS + registers][];
            for (int r = 0; r < registers; r++) {
                slots[COMPONENTS + r] = new double[n];
            }
            capacity = n;
        }
        for (int c = 0; c < COMPONENTS; c++) {
            slots[c] = components[c];
        }
        for (Op op : ops) {
            op.run(slots, n, state);
        }
        double max = 0;
        if (resultSlot < 0) {
            max = finalScore(resultConst);
            Arrays.fill(out, 0, n, max);
        } else {
            double[] r = slots[resultSlot];
            for (int j = 0; j < n; j++) {
                double x = finalScore(r[j]);
                out[j] = x;
                max = x > max ? x : max; // x ≥ 0 and not NaN: no need for Math.max's NaN and −0 rules
            }
        }
        for (int c = 0; c < COMPONENTS; c++) {
            slots[c] = null;
        }
        return n > 0 ? max : 0;
    }

    /** Evaluates the expression for one UID with no history (ema = its argument): the reference semantics. */
    public static double evaluateScalar(Expr e, double[] components) {
        return finalScore(scalar(e, components));
    }

    static double finalScore(double v) {
        return v > 0 ? (v <= Double.MAX_VALUE ? v : Double.MAX_VALUE) : 0;
    }

    /** Per-UID ema values of one validator: {@code values[term][uid]}, NaN while the UID is unseen. */
    public static final class EmaState {
        final double[][] values;
        final int n;

        EmaState(int terms, int n) {
            this.n = n;
            values = new double[terms][n];
            for (double[] v : values) {
                Arrays.fill(v, Double.NaN);
            }
        }

        /** Forgets UID j's history (a new miner took the slot). */
        public void reset(int j) {
            for (double[] v : values) {
                v[j] = Double.NaN;
            }
        }

        /** UID j's current value of ema term k (NaN if unseen). */
        public double value(int k, int j) {
            return values[k][j];
        }
    }

    // ---- scalar semantics, shared by the folding and by the column loops

    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int MIN = 4;
    static final int MAX = 5;
    static final int GATE = 6;
    static final int STEP = 7;

    static double binary(int kind, double a, double b) {
        switch (kind) {
            case ADD:
                return a + b;
            case SUB:
                return a - b;
            case MUL:
                return a * b;
            case DIV:
                return b == 0 ? 0 : a / b;
            case MIN:
                return Math.min(a, b);
            case MAX:
                return Math.max(a, b);
            case GATE:
                return a >= b ? a : 0;
            case STEP:
                return a >= b ? 1 : 0;
            default:
                throw new IllegalStateException("kind " + kind);
        }
    }

    static double inverse(double x) {
        return x > 0 ? Math.min(1 / x, INVERSE_CAP) : 0;
    }

    static int pickIndex(double i, int last) {
        return i >= 1 ? (i < last ? (int) i : last) : 0;
    }

    static double emaAlpha(double halfLife) {
        return 1 - Math.pow(2, -1 / halfLife);
    }

    private static int kindOf(char op) {
        return op == '+' ? ADD : op == '-' ? SUB : op == '*' ? MUL : DIV;
    }

    private static double scalar(Expr e, double[] comp) {
        if (e instanceof Expr.Num n) {
            return n.value();
        } else if (e instanceof Expr.Comp k) {
            return comp[k.component().ordinal()];
        } else if (e instanceof Expr.Neg g) {
            return -scalar(g.operand(), comp);
        } else if (e instanceof Expr.Bin b) {
            return binary(kindOf(b.op()), scalar(b.left(), comp), scalar(b.right(), comp));
        }
        Expr.Call f = (Expr.Call) e;
        List<Expr> a = f.args();
        switch (f.fn()) {
            case MIN:
            case MAX: {
                double v = scalar(a.get(0), comp);
                for (int i = 1; i < a.size(); i++) {
                    v = binary(f.fn() == Fn.MIN ? MIN : MAX, v, scalar(a.get(i), comp));
                }
                return v;
            }
            case GATE:
                return binary(GATE, scalar(a.get(0), comp), scalar(a.get(1), comp));
            case STEP:
                return binary(STEP, scalar(a.get(0), comp), scalar(a.get(1), comp));
            case INVERSE:
                return inverse(scalar(a.get(0), comp));
            case PICK:
                return scalar(a.get(1 + pickIndex(scalar(a.get(0), comp), a.size() - 2)), comp);
            case EMA: {
                double x = scalar(a.get(0), comp);
                return x == x ? x : 0;
            }
            default:
                throw new IllegalStateException(f.fn().name());
        }
    }

    // ---- compilation

    /** An operand: a slot (component column or register) or, with slot −1, a constant. */
    private record Operand(int slot, double value) {
        static Operand constant(double v) {
            return new Operand(-1, v);
        }

        boolean isConst() {
            return slot < 0;
        }
    }

    private static final class Compiler {
        final List<Op> ops = new ArrayList<>();
        final List<Double> emaAlpha = new ArrayList<>();
        int registers;

        int newRegister() {
            return COMPONENTS + registers++;
        }

        Operand compile(Expr e) {
            if (e instanceof Expr.Num n) {
                return Operand.constant(n.value());
            }
            if (e instanceof Expr.Comp k) {
                return new Operand(k.component().ordinal(), 0);
            }
            if (!usesAny(e)) {
                return Operand.constant(scalar(e, new double[COMPONENTS]));
            }
            if (e instanceof Expr.Neg g) {
                Operand x = compile(g.operand());
                if (x.isConst()) {
                    return Operand.constant(-x.value);
                }
                int dst = newRegister();
                ops.add(new NegOp(dst, x.slot));
                return new Operand(dst, 0);
            }
            if (e instanceof Expr.Bin b) {
                return binaryOp(kindOf(b.op()), compile(b.left()), compile(b.right()));
            }
            Expr.Call f = (Expr.Call) e;
            List<Expr> a = f.args();
            switch (f.fn()) {
                case MIN:
                case MAX: {
                    Operand v = compile(a.get(0));
                    for (int i = 1; i < a.size(); i++) {
                        v = binaryOp(f.fn() == Fn.MIN ? MIN : MAX, v, compile(a.get(i)));
                    }
                    return v;
                }
                case GATE:
                    return binaryOp(GATE, compile(a.get(0)), compile(a.get(1)));
                case STEP:
                    return binaryOp(STEP, compile(a.get(0)), compile(a.get(1)));
                case INVERSE: {
                    Operand x = compile(a.get(0));
                    if (x.isConst()) {
                        return Operand.constant(inverse(x.value));
                    }
                    int dst = newRegister();
                    ops.add(new InverseOp(dst, x.slot));
                    return new Operand(dst, 0);
                }
                case PICK: {
                    Operand index = compile(a.get(0));
                    Operand[] choices = new Operand[a.size() - 1];
                    for (int i = 1; i < a.size(); i++) {
                        choices[i - 1] = compile(a.get(i));
                    }
                    if (index.isConst()) {
                        return choices[pickIndex(index.value, choices.length - 1)];
                    }
                    int[] cs = new int[choices.length];
                    double[] cv = new double[choices.length];
                    for (int i = 0; i < choices.length; i++) {
                        cs[i] = choices[i].slot;
                        cv[i] = choices[i].value;
                    }
                    int dst = newRegister();
                    ops.add(new PickOp(dst, index.slot, cs, cv));
                    return new Operand(dst, 0);
                }
                case EMA: {
                    Operand x = compile(a.get(0));
                    if (x.isConst()) {
                        // a constant's average is the constant (pick with a constant index can make one)
                        return Operand.constant(x.value == x.value ? x.value : 0);
                    }
                    int term = emaAlpha.size();
                    emaAlpha.add(emaAlpha(((Expr.Num) a.get(1)).value()));
                    int dst = newRegister();
                    ops.add(new EmaOp(dst, x.slot, term, emaAlpha.get(term)));
                    return new Operand(dst, 0);
                }
                default:
                    throw new IllegalStateException(f.fn().name());
            }
        }

        Operand binaryOp(int kind, Operand a, Operand b) {
            if (a.isConst() && b.isConst()) {
                return Operand.constant(binary(kind, a.value, b.value));
            }
            if (kind == MUL) {
                Operand fused = fuseProduct(a, b);
                if (fused != null) {
                    return fused;
                }
            }
            int dst = newRegister();
            if (a.isConst()) {
                ops.add(new BinCS(kind, dst, a.value, b.slot));
            } else if (b.isConst()) {
                ops.add(new BinSC(kind, dst, a.slot, b.value));
            } else {
                ops.add(new BinSS(kind, dst, a.slot, b.slot));
            }
            return new Operand(dst, 0);
        }

        /**
         * Fuses a product into fewer column loops, with the same bits as the two loops it replaces: a constant
         * factor becomes the {@code scale} of the loop that made the other factor (x·1 = x exactly), and a factor
         * {@code step(t, c)} becomes a select {@code t ≥ c ? x : x·0}. Returns null when neither applies.
         */
        Operand fuseProduct(Operand a, Operand b) {
            if (a.isConst() || b.isConst()) {
                Operand x = a.isConst() ? b : a;
                if (producer(x.slot) instanceof ScaledOp op && op.scale == 1) {
                    op.scale = a.isConst() ? a.value : b.value;
                    return x;
                }
                return null;
            }
            Operand[][] orders = {{a, b}, {b, a}};
            for (Operand[] o : orders) {
                if (producer(o[1].slot) instanceof BinSC step && step.kind == STEP && step.scale == 1) {
                    ops.remove(step); // its register was read only by this product
                    int dst = newRegister();
                    ops.add(new SelectOp(dst, o[0].slot, step.a, step.c));
                    return new Operand(dst, 0);
                }
            }
            return null;
        }

        /** The operation that writes register {@code slot} (each register is written once), or null. */
        Op producer(int slot) {
            for (Op op : ops) {
                if (op.dst == slot) {
                    return op;
                }
            }
            return null;
        }

        static boolean usesAny(Expr e) {
            for (Component c : Component.values()) {
                if (e.uses(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    // ---- column operations: one loop over the UIDs each

    private abstract static class Op {
        final int dst;

        Op(int dst) {
            this.dst = dst;
        }

        abstract void run(double[][] s, int n, EmaState state);
    }

    /** An operation whose results are multiplied by {@code scale} in the same loop (1 unless a product fused). */
    private abstract static class ScaledOp extends Op {
        double scale = 1;

        ScaledOp(int dst) {
            super(dst);
        }
    }

    /** {@code d = (t ≥ c ? x : x·0)·scale}: a product with {@code step(t, c)} in one loop. */
    private static final class SelectOp extends ScaledOp {
        final int x;
        final int t;
        final double c;

        SelectOp(int dst, int x, int t, double c) {
            super(dst);
            this.x = x;
            this.t = t;
            this.c = c;
        }

        @Override
        void run(double[][] s, int n, EmaState state) {
            double[] d = s[dst];
            double[] v = s[x];
            double[] test = s[t];
            double m = scale;
            for (int j = 0; j < n; j++) {
                double xj = v[j];
                d[j] = (test[j] >= c ? xj : xj * 0.0) * m;
            }
        }
    }

    private static final class NegOp extends Op {
        final int x;

        NegOp(int dst, int x) {
            super(dst);
            this.x = x;
        }

        @Override
        void run(double[][] s, int n, EmaState state) {
            double[] d = s[dst];
            double[] a = s[x];
            for (int j = 0; j < n; j++) {
                d[j] = -a[j];
            }
        }
    }

    private static final class InverseOp extends Op {
        final int x;

        InverseOp(int dst, int x) {
            super(dst);
            this.x = x;
        }

        @Override
        void run(double[][] s, int n, EmaState state) {
            double[] d = s[dst];
            double[] a = s[x];
            for (int j = 0; j < n; j++) {
                d[j] = inverse(a[j]);
            }
        }
    }

    private static final class BinSS extends ScaledOp {
        final int kind;
        final int a;
        final int b;

        BinSS(int kind, int dst, int a, int b) {
            super(dst);
            this.kind = kind;
            this.a = a;
            this.b = b;
        }

        @Override
        void run(double[][] s, int n, EmaState state) {
            double[] d = s[dst];
            double m = scale;
            double[] x = s[a];
            double[] y = s[b];
            switch (kind) {
                case ADD:
                    for (int j = 0; j < n; j++) {
                        d[j] = (x[j] + y[j]) * m;
                    }
                    break;
                case SUB:
                    for (int j = 0; j < n; j++) {
                        d[j] = (x[j] - y[j]) * m;
                    }
                    break;
                case MUL:
                    for (int j = 0; j < n; j++) {
                        d[j] = (x[j] * y[j]) * m;
                    }
                    break;
                case MIN:
                    for (int j = 0; j < n; j++) {
                        d[j] = (Math.min(x[j], y[j])) * m;
                    }
                    break;
                case MAX:
                    for (int j = 0; j < n; j++) {
                        d[j] = (Math.max(x[j], y[j])) * m;
                    }
                    break;
                default:
                    for (int j = 0; j < n; j++) {
                        d[j] = (binary(kind, x[j], y[j])) * m;
                    }
            }
        }
    }

    private static final class BinSC extends ScaledOp {
        final int kind;
        final int a;
        final double c;

        BinSC(int kind, int dst, int a, double c) {
            super(dst);
            this.kind = kind;
            this.a = a;
            this.c = c;
        }

        @Override
        void run(double[][] s, int n, EmaState state) {
            double[] d = s[dst];
            double m = scale;
            double[] x = s[a];
            switch (kind) {
                case ADD:
                    for (int j = 0; j < n; j++) {
                        d[j] = (x[j] + c) * m;
                    }
                    break;
                case MUL:
                    for (int j = 0; j < n; j++) {
                        d[j] = (x[j] * c) * m;
                    }
                    break;
                case GATE:
                    for (int j = 0; j < n; j++) {
                        double v = x[j];
                        d[j] = (v >= c ? v : 0) * m;
                    }
                    break;
                case STEP:
                    for (int j = 0; j < n; j++) {
                        d[j] = (x[j] >= c ? 1 : 0) * m;
                    }
                    break;
                case MIN:
                    for (int j = 0; j < n; j++) {
                        d[j] = (Math.min(x[j], c)) * m;
                    }
                    break;
                case MAX:
                    for (int j = 0; j < n; j++) {
                        d[j] = (Math.max(x[j], c)) * m;
                    }
                    break;
                default:
                    for (int j = 0; j < n; j++) {
                        d[j] = (binary(kind, x[j], c)) * m;
                    }
            }
        }
    }

    private static final class BinCS extends ScaledOp {
        final int kind;
        final double c;
        final int b;

        BinCS(int kind, int dst, double c, int b) {
            super(dst);
            this.kind = kind;
            this.c = c;
            this.b = b;
        }

        @Override
        void run(double[][] s, int n, EmaState state) {
            double[] d = s[dst];
            double m = scale;
            double[] y = s[b];
            if (kind == MUL) {
                for (int j = 0; j < n; j++) {
                    d[j] = (c * y[j]) * m;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    d[j] = (binary(kind, c, y[j])) * m;
                }
            }
        }
    }

    private static final class PickOp extends Op {
        final int index;
        final int[] choiceSlots;
        final double[] choiceValues;

        PickOp(int dst, int index, int[] choiceSlots, double[] choiceValues) {
            super(dst);
            this.index = index;
            this.choiceSlots = choiceSlots;
            this.choiceValues = choiceValues;
        }

        @Override
        void run(double[][] s, int n, EmaState state) {
            double[] d = s[dst];
            double[] idx = s[index];
            int last = choiceSlots.length - 1;
            for (int j = 0; j < n; j++) {
                int k = pickIndex(idx[j], last);
                int slot = choiceSlots[k];
                d[j] = slot < 0 ? choiceValues[k] : s[slot][j];
            }
        }
    }

    private static final class EmaOp extends Op {
        final int x;
        final int term;
        final double alpha;

        EmaOp(int dst, int x, int term, double alpha) {
            super(dst);
            this.x = x;
            this.term = term;
            this.alpha = alpha;
        }

        @Override
        void run(double[][] s, int n, EmaState state) {
            double[] d = s[dst];
            double[] a = s[x];
            double[] v = state.values[term];
            for (int j = 0; j < n; j++) {
                double xj = a[j] == a[j] ? a[j] : 0;
                double prev = v[j];
                double next = prev == prev ? prev + alpha * (xj - prev) : xj;
                v[j] = next;
                d[j] = next;
            }
        }
    }
}
