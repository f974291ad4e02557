package io.incentivelab.simulation.scoring;

/** The functions of the grammar, with their arity (min, max arguments) and meaning (docs/scoring.md). */
public enum Fn {
    /** min(a, b, ...): the smallest argument. */
    MIN("min", 2, ScoringLimits.MAX_ARGS),
    /** max(a, b, ...): the largest argument. */
    MAX("max", 2, ScoringLimits.MAX_ARGS),
    /** gate(x, t): x where x ≥ t, else 0. */
    GATE("gate", 2, 2),
    /** step(x, t): 1 where x ≥ t, else 0 (eligibility). */
    STEP("step", 2, 2),
    /** inverse(x): 1/x where x &gt; 0, else 0 (lower-is-better measures; capped at 1e12). */
    INVERSE("inverse", 1, 1),
    /** pick(i, v0, v1, ...): v_i with i rounded down and clamped to [0, k] (per-class multipliers). */
    PICK("pick", 2, ScoringLimits.MAX_ARGS),
    /** ema(x, h): per-UID exponential moving average of x over epochs, half-life h epochs (a constant). */
    EMA("ema", 2, 2);

    private final String id;
    private final int minArgs;
    private final int maxArgs;

    Fn(String id, int minArgs, int maxArgs) {
        this.id = id;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public String id() {
        return id;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    /** How the arity reads in a message: "2 arguments", "at least 2 arguments". */
    String arity() {
        if (minArgs == maxArgs) {
            return minArgs + (minArgs == 1 ? " argument" : " arguments");
        }
        return "at least " + minArgs + " arguments";
    }

    public static Fn byId(String id) {
        for (Fn f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }
}
