package io.incentivelab.simulation.scoring;

/** A measured component a scoring expression can name; {@link #id} is its spelling in the grammar. */
public enum Component {
    /** Throughput a validator measures from the UID's compute (GPU-equivalents × noise). */
    SPEED("speed"),
    /** Storage capacity the UID proves, TB (its claim × noise; 0 while a caught over-claimer is penalised). */
    STORAGE("storage"),
    /** Fraction of evaluation tasks solved, Binomial(evalSamples, quality) / evalSamples. */
    QUALITY("quality"),
    /** Response latency in seconds measured by the validator (the operator's latency × noise); lower is better. */
    LATENCY("latency"),
    /** The operator's GPU class, an integer 0, 1, 2, ... (exact, no noise). */
    GPU_CLASS("gpuClass");

    private final String id;

    Component(String id) {
        this.id = id;
    }

    /** The name in the grammar. */
    public String id() {
        return id;
    }

    /** The component spelled {@code id}, or null. */
    public static Component byId(String id) {
        for (Component c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
