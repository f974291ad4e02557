package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.market.AlphaPool;
import io.incentivelab.simulation.metrics.Concentration;
import io.incentivelab.simulation.model.Strategy;
import java.util.List;

/**
 * A subnet's outputs over a sample interval (model.md §9), one row of {@link SubnetMetric}s: what was paid
 * ({@link SubnetPayment}) per day, the concentration of miner emission across operators (Gini, HHI, effective
 * number 1/HHI, Nakamoto, top-1 and top-10 share; {@link Concentration}), the Gini of the rewarded resource
 * R_o = Σ_c w_c · resource_c(o) / mean_c and of validator dividends, the shares of miner emission captured by
 * cheaters, copiers, the cartel and sybils and of dividends by weight copiers and the cartel, resources held,
 * the reward affinity Σ_o e_o·x_o / Σ_o e_o / mean(x) of each resource, the population's counts per day, the
 * operators' ROI quantiles, and the market's flows.
 *
 * <p><b>Distributions</b>: {@code lorenzEmission.pXX} and {@code lorenzResource.pXX} are the Lorenz curves of
 * miner emission and of the rewarded resource across operators at XX % of operators, poorest first
 * ({@link Concentration#lorenz}); with the last-quarter mean of the summary they give mean Lorenz curves.
 */
final class SubnetSampler {

    /** Fractions of operators (poorest first) at which the Lorenz curves of emission and resource are output. */
    static final double[] LORENZ_FRACTIONS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private final SubnetPopulation population;
    private final SubnetMeasurement measurement;
    private final SubnetPayment payment;

    /** ROI quantiles of the operators here (median, p10, p90, share below 0), set by the economy at each sample. */
    private final double[] roi = new double[4];
    // the market's flows over the interval, rao
    private long alphaSold;
    private long chainBuy;
    private long validatorTake;

    SubnetSampler(SubnetPopulation population, SubnetMeasurement measurement, SubnetPayment payment) {
        this.population = population;
        this.measurement = measurement;
        this.payment = payment;
    }

    /** Sets the ROI quantiles of this interval (median, p10, p90, share below 0). */
    void setRoiQuantiles(double[] q) {
        System.arraycopy(q, 0, roi, 0, roi.length);
    }

    /** Alpha the miners sold, rao. */
    void addAlphaSold(long alpha) {
        alphaSold += alpha;
    }

    /** TAO the chain's injection bought with above the cap, rao. */
    void addChainBuy(long tao) {
        chainBuy += tao;
    }

    /** TAO value of the validators' take on delegated dividends, rao. */
    void addValidatorTake(long rao) {
        validatorTake += rao;
    }

    /**
     * Writes the interval's outputs into {@code out[offset + m.ordinal()]} for every {@link SubnetMetric} m, then
     * starts the next interval (operators' sample emission, payment sums, population counts, market flows).
     *
     * @param taoEmission  this subnet's TAO emission over the interval, rao
     * @param networkTao   the network's, rao
     * @param burnPriceTao the registration burn now
     * @param pool         the subnet's alpha pool, null under FIXED and EQUAL
     */
    void sample(double[] out, int offset, int intervalEpochs, double epochsPerDay, long taoEmission,
                long networkTao, double burnPriceTao, AlphaPool pool) {
        double perDay = epochsPerDay / intervalEpochs / BlockEmission.RAO_PER_TAO;
        double intervalsPerDay = epochsPerDay / intervalEpochs;
        List<Operator> ops = population.operators();
        int nOpsNow = ops.size();
        double[] opTao = new double[nOpsNow];
        double[] compute = new double[nOpsNow];
        double[] storage = new double[nOpsNow];
        double[] quality = new double[nOpsNow];
        double minerTotal = 0;
        double cheat = 0;
        double copy = 0;
        double cartel = 0;
        double sybil = 0;
        for (int o = 0; o < nOpsNow; o++) {
            Operator op = ops.get(o);
            opTao[o] = op.sampleRao / (double) BlockEmission.RAO_PER_TAO;
            compute[o] = op.compute;
            storage[o] = op.storage;
            quality[o] = op.quality;
            minerTotal += opTao[o];
            cheat += op.cheater ? opTao[o] : 0;
            copy += op.copier ? opTao[o] : 0;
            cartel += op.cartel ? opTao[o] : 0;
            sybil += op.strategy == Strategy.SYBIL ? opTao[o] : 0;
        }
        double[] rewardedResource = new double[nOpsNow];
        double mc = mean(compute);
        double mst = mean(storage);
        double mq = mean(quality);
        for (int o = 0; o < nOpsNow; o++) {
            rewardedResource[o] = measurement.rewardedResource(compute[o], storage[o], quality[o], mc, mst, mq);
        }
        int nVal = population.validators();
        long[] valRao = payment.validatorIntervalRao();
        double[] valTao = new double[nVal];
        double valTotal = 0;
        double copierDiv = 0;
        double cartelDiv = 0;
        for (int v = 0; v < nVal; v++) {
            valTao[v] = valRao[v] / (double) BlockEmission.RAO_PER_TAO;
            valTotal += valTao[v];
            copierDiv += population.behaviour(v) == SubnetPopulation.COPIER ? valTao[v] : 0;
            cartelDiv += population.behaviour(v) == SubnetPopulation.CARTEL ? valTao[v] : 0;
        }
        Concentration.Stats c = Concentration.of(opTao);
        put(out, offset, SubnetMetric.EMISSION_TAO, payment.interval().issued() * perDay);
        put(out, offset, SubnetMetric.MINER_EMISSION_TAO, payment.interval().miners() * perDay);
        put(out, offset, SubnetMetric.VALIDATOR_EMISSION_TAO, payment.interval().validators() * perDay);
        put(out, offset, SubnetMetric.OWNER_EMISSION_TAO, payment.interval().owner() * perDay);
        put(out, offset, SubnetMetric.GINI_EMISSION, c.gini());
        put(out, offset, SubnetMetric.HHI_EMISSION, c.hhi());
        put(out, offset, SubnetMetric.EFFECTIVE_OPERATORS, c.effectiveNumber());
        put(out, offset, SubnetMetric.NAKAMOTO_EMISSION, c.nakamoto());
        put(out, offset, SubnetMetric.TOP1_SHARE, c.top1());
        put(out, offset, SubnetMetric.TOP10_SHARE, c.top10());
        put(out, offset, SubnetMetric.GINI_REWARDED_RESOURCE, Concentration.gini(rewardedResource));
        put(out, offset, SubnetMetric.VALIDATOR_DIVIDEND_GINI, Concentration.gini(valTao));
        put(out, offset, SubnetMetric.CHEATER_EMISSION_SHARE, share(cheat, minerTotal));
        put(out, offset, SubnetMetric.COPIER_EMISSION_SHARE, share(copy, minerTotal));
        put(out, offset, SubnetMetric.CARTEL_EMISSION_SHARE, share(cartel, minerTotal));
        put(out, offset, SubnetMetric.WEIGHT_COPIER_DIVIDEND_SHARE, share(copierDiv, valTotal));
        put(out, offset, SubnetMetric.CARTEL_DIVIDEND_SHARE, share(cartelDiv, valTotal));
        put(out, offset, SubnetMetric.RESOURCES_COMPUTE, sum(compute));
        put(out, offset, SubnetMetric.RESOURCES_STORAGE, sum(storage));
        put(out, offset, SubnetMetric.RESOURCES_QUALITY, mean(quality));
        put(out, offset, SubnetMetric.REWARD_AFFINITY_COMPUTE, affinity(compute, opTao, minerTotal));
        put(out, offset, SubnetMetric.REWARD_AFFINITY_STORAGE, affinity(storage, opTao, minerTotal));
        put(out, offset, SubnetMetric.REWARD_AFFINITY_QUALITY, affinity(quality, opTao, minerTotal));
        put(out, offset, SubnetMetric.OPERATORS, nOpsNow);
        put(out, offset, SubnetMetric.ACTIVE_UIDS, nVal + population.occupiedSlots());
        put(out, offset, SubnetMetric.SYBIL_EMISSION_SHARE, share(sybil, minerTotal));
        put(out, offset, SubnetMetric.BURN_PRICE_TAO, burnPriceTao);
        put(out, offset, SubnetMetric.REGISTRATIONS_PER_DAY, population.registrations() * intervalsPerDay);
        put(out, offset, SubnetMetric.OPERATORS_ENTERED_PER_DAY, population.entered() * intervalsPerDay);
        put(out, offset, SubnetMetric.OPERATORS_LEFT_PER_DAY, population.left() * intervalsPerDay);
        put(out, offset, SubnetMetric.PRUNED_PER_DAY, population.pruned() * intervalsPerDay);
        put(out, offset, SubnetMetric.ROI_MEDIAN, roi[0]);
        put(out, offset, SubnetMetric.ROI_P10, roi[1]);
        put(out, offset, SubnetMetric.ROI_P90, roi[2]);
        put(out, offset, SubnetMetric.ROI_NEGATIVE_SHARE, roi[3]);
        putAll(out, offset, SubnetMetric.LORENZ_EMISSION_P10, Concentration.lorenz(opTao, LORENZ_FRACTIONS));
        putAll(out, offset, SubnetMetric.LORENZ_RESOURCE_P10, Concentration.lorenz(rewardedResource, LORENZ_FRACTIONS));
        put(out, offset, SubnetMetric.EMISSION_SHARE, networkTao > 0 ? taoEmission / (double) networkTao : 0);
        if (pool != null) {
            put(out, offset, SubnetMetric.PRICE, pool.price());
            put(out, offset, SubnetMetric.MOVING_PRICE, pool.movingPrice());
            put(out, offset, SubnetMetric.POOL_TAO, pool.taoReserve() / (double) BlockEmission.RAO_PER_TAO);
            put(out, offset, SubnetMetric.POOL_ALPHA, pool.alphaReserve() / (double) BlockEmission.RAO_PER_TAO);
            put(out, offset, SubnetMetric.ALPHA_OUTSTANDING, pool.alphaOutstanding() / (double) BlockEmission.RAO_PER_TAO);
        } else {
            put(out, offset, SubnetMetric.PRICE, 0);
            put(out, offset, SubnetMetric.MOVING_PRICE, 0);
            put(out, offset, SubnetMetric.POOL_TAO, 0);
            put(out, offset, SubnetMetric.POOL_ALPHA, 0);
            put(out, offset, SubnetMetric.ALPHA_OUTSTANDING, 0);
        }
        put(out, offset, SubnetMetric.CHAIN_BUY_TAO, chainBuy * perDay);
        put(out, offset, SubnetMetric.ALPHA_SOLD_BY_MINERS, alphaSold * perDay);
        put(out, offset, SubnetMetric.OWNER_BURNED_TAO, payment.interval().burned() * perDay);
        put(out, offset, SubnetMetric.ROOT_DIVIDEND_TAO, payment.interval().root() * perDay);
        put(out, offset, SubnetMetric.VALIDATOR_TAKE_TAO, validatorTake * perDay);
        for (Operator op : ops) {
            op.sampleRao = 0;
        }
        payment.resetInterval();
        population.resetCounts();
        alphaSold = 0;
        chainBuy = 0;
        validatorTake = 0;
    }

    private static void put(double[] out, int offset, SubnetMetric m, double value) {
        out[offset + m.ordinal()] = value;
    }

    /** Writes {@code values} into consecutive metrics from {@code first} on. */
    private static void putAll(double[] out, int offset, SubnetMetric first, double[] values) {
        System.arraycopy(values, 0, out, offset + first.ordinal(), values.length);
    }

    /** Emission-weighted mean of a resource over its plain mean (1 = emission ignores it; 0 if nothing paid). */
    private static double affinity(double[] resource, double[] emission, double total) {
        if (!(total > 0)) {
            return 0;
        }
        double weighted = 0;
        for (int o = 0; o < resource.length; o++) {
            weighted += emission[o] * resource[o];
        }
        return weighted / total / mean(resource);
    }

    private static double share(double part, double total) {
        return total > 0 ? part / total : 0;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double mean(double[] x) {
        return x.length == 0 ? 0 : sum(x) / x.length;
    }
}
