package io.incentivelab.simulation.model;

/** Yuma Consensus hyperparameters (yuma.md §9; defaults of a new subnet on the chain). */
public record YumaSpec(
        @Field(doc = "YUMA1 (original Yuma, Yuma3On = false) or YUMA3 (default for new subnets).",
                def = "\"YUMA3\"") YumaVersion version,
        @Field(doc = "Kappa: stake quantile of the consensus (chain 32767/65535).", def = "0.5", min = 0, max = 1)
        double kappa,
        @Field(doc = "bonds_moving_average / 1e6 (chain default 900000 → 0.9; bond EMA rate 1 − this).",
                def = "0.9", min = 0, max = 1) double bondsMovingAverage,
        @Field(doc = "Bonds penalty β in [0, 1] (1 = bonds from clipped weights).", def = "1", min = 0, max = 1)
        double bondsPenalty,
        @Field(doc = "Liquid alpha (Yuma 3 only): per-bond EMA rate by a sigmoid of the disagreement.",
                def = "false") boolean liquidAlpha,
        @Field(doc = "Liquid alpha lower rate (chain 45875/65535 = 0.7).", def = "0.7", min = 0, max = 1)
        double alphaLow,
        @Field(doc = "Liquid alpha upper rate (chain 58982/65535 = 0.9).", def = "0.9", min = 0, max = 1)
        double alphaHigh,
        @Field(label = "Liquid alpha consensus", doc = "Which consensus liquid alpha reads: CURRENT (this epoch's, the"
                + " chain until mid-2026) or AUTO (the 2026 release: the previous epoch's when bondsPenalty is 1).",
                def = "\"CURRENT\"", omitDefault = true) LiquidAlphaMode liquidAlphaMode) {

    public YumaSpec {
        if (liquidAlphaMode == null) {
            liquidAlphaMode = LiquidAlphaMode.CURRENT;
        }
    }

    /** Settings with liquid alpha, when on, reading the current consensus. */
    public YumaSpec(YumaVersion version, double kappa, double bondsMovingAverage, double bondsPenalty,
                    boolean liquidAlpha, double alphaLow, double alphaHigh) {
        this(version, kappa, bondsMovingAverage, bondsPenalty, liquidAlpha, alphaLow, alphaHigh, LiquidAlphaMode.CURRENT);
    }
}
