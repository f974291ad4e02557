package io.incentivelab.simulation.model;

/**
 * What resources cost an operator, in USD (model.md §8). Holding x units of a resource costs
 * {@code capital · x^β} to buy and {@code running · x^β} per day to run, where β is
 * {@link EconomicsSpec#scaleExponent()}: the unit cost is ∝ x^(β−1), cheaper per unit for big operators
 * when β &lt; 1. Compute is in GPU-equivalents, storage in TB; quality is bought as odds q / (1 − q).
 * An operator pays only for the resources its subnet's metric uses, plus a fixed overhead per UID.
 */
public record CostSpec(
        @Field(doc = "Capital cost of one GPU-equivalent, USD.", def = "1500", min = 0, max = 1e9)
        double computeCapitalUsd,
        @Field(doc = "Running cost of one GPU-equivalent per day, USD (power, hosting, rent).", def = "3", min = 0,
                max = 1e9) double computeRunningUsdPerDay,
        @Field(doc = "Capital cost of one TB of storage, USD.", def = "20", min = 0, max = 1e9)
        double storageCapitalUsd,
        @Field(doc = "Running cost of one TB per day, USD.", def = "0.05", min = 0, max = 1e9)
        double storageRunningUsdPerDay,
        @Field(doc = "Capital cost of one unit of quality odds q/(1−q) (training, data), USD.", def = "20000",
                min = 0, max = 1e9) double qualityCapitalUsd,
        @Field(doc = "Running cost of one unit of quality odds per day, USD.", def = "10", min = 0, max = 1e9)
        double qualityRunningUsdPerDay,
        @Field(doc = "Fixed running cost of each UID per day, USD (a server process, a hotkey).", def = "1", min = 0,
                max = 1e9) double uidOverheadUsdPerDay) {
}
