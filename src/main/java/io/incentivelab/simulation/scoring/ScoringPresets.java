package io.incentivelab.simulation.scoring;

import java.util.List;

/**
 * Scoring expressions modelled on real subnets (economics.md §5). Each is an approximation in the
 * components the engine measures; {@link Preset#note} says what stands for what.
 */
public final class ScoringPresets {

    /** One preset: a stable id, a label for pickers, the subnet it imitates, the expression and a note. */
    public record Preset(String id, String label, String expression, String note) {
    }

    /** Every preset, in picker order. */
    public static final List<Preset> ALL = List.of(
            new Preset("quality-gated-throughput", "SN4 Targon: throughput gated by quality",
                    "speed * step(quality, 0.8)",
                    "Tokens/s count only if the output passes a similarity threshold: speed, gated at a measured"
                            + " quality of 0.8."),
            new Preset("volume-speed-quality", "SN19 Nineteen: volume × speed × quality",
                    "speed * inverse(latency) * quality",
                    "Declared capacity (compute) × tokens/s (inverse latency) × quality against the base model."),
            new Preset("proof-then-latency", "SN2 Omron: valid proof, then response time",
                    "step(quality, 0.5) * inverse(latency)",
                    "A proof must verify (quality ≥ 0.5); among valid provers, lower latency wins."),
            new Preset("gpu-class-multiplier", "SN12 ComputeHorde: hardware class × efficiency",
                    "pick(gpuClass, 0, 1, 2.5, 6) * speed",
                    "hardware_class_value × measured efficiency × time: class multipliers 0, 1, 2.5, 6 times"
                            + " delivered compute; class 0 earns nothing."),
            new Preset("gpu-eligibility", "SN51 Lium: only recent GPUs earn",
                    "speed * step(gpuClass, 2)",
                    "GPU rental: only operators of class 2 or above are eligible; they earn by compute."),
            new Preset("ema-of-quality", "SN3 Templar: EMA of contribution",
                    "ema(quality, 10)",
                    "Validators keep an exponential moving average of each miner's measured contribution"
                            + " (half-life 10 epochs); pair with a SOFTMAX curve."),
            new Preset("lower-is-better-loss", "SN50 Synth: lower loss, 10-day leaderboard",
                    "ema(inverse(1.05 - quality), 200)",
                    "CRPS is a loss, lower is better: loss = 1.05 − quality, inverted, averaged with a 10-day"
                            + " half-life (200 epochs); pair with POWER α = 2."),
            new Preset("storage-with-latency", "SN21 FileTAO: storage scaled by latency",
                    "storage * inverse(1 + latency)",
                    "Proven capacity, scaled down by response latency."),
            new Preset("data-volume-credibility", "SN13 Data Universe: volume × credibility",
                    "storage * gate(quality, 0.3)",
                    "Stored data volume × credibility from spot checks (quality), zero below a credibility of"
                            + " 0.3."));

    private ScoringPresets() {
    }

    /** The preset with this id, or null. */
    public static Preset byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }
}
