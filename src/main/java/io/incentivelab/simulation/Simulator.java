package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.emission.IssuanceTracker;
import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.model.EmissionSplit;
import io.incentivelab.simulation.model.LiquidAlphaMode;
import io.incentivelab.simulation.model.Metric;
import io.incentivelab.simulation.model.NetworkSpec;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.ScenarioValidator;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.model.YumaSpec;
import io.incentivelab.simulation.model.YumaVersion;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs a scenario epoch by epoch (model.md §1–§7, §9–§10, fixed population). Configured once from an
 * immutable {@link Scenario}; thread-safe; each {@link #run} keeps its mutable state in objects it creates
 * (and may step its subnets on several threads, see {@link #Simulator(Scenario, int)}),
 * with random streams derived from (seed, subnet index), so a run is a pure function of (scenario, seed,
 * {@link #ENGINE_VERSION}) whatever the thread count.
 *
 * <p>Each epoch: {@code tempo} blocks minted one by one at the emission their issuance gives
 * ({@link BlockEmission}, {@link IssuanceTracker}; a halving can fall inside an epoch); split over
 * subnets, EQUAL or FIXED (share_s = emissionShare_s / Σ), floored to rao; each subnet measures, sets
 * weights, runs Yuma Consensus ({@link YumaConsensus}) and pays owner, miners and validators
 * ({@link SubnetRun}). Every {@code sampleEveryEpochs} epochs (and at the last) the outputs of the interval
 * are sampled; the summary is the mean of the samples in the last quarter of the horizon (samples at epoch
 * counts above ⌊3E/4⌋) and the final values (the sample at the last epoch).
 */
public final class Simulator {

    /** Bumped whenever results for the same scenario and seed change. */
    public static final String ENGINE_VERSION = "engine-7";

    private static final List<String> RESOURCES = List.of("compute", "storage", "quality");

    /** The most epochs a FIXED/EQUAL run steps each subnet through in a row ({@link #fixedChunk}). */
    static final int MAX_CHUNK = 32;

    private final Scenario scenario;
    private final YumaConsensus[] yumas;
    /** Per subnet, the validators' lognormal noise table (read only, shared by every run). */
    private final double[][] noiseTables;
    private final double[] shares;
    private final List<String> keys;
    private final int threads;
    private final int maxChunk;

    /** Validates the scenario (throws {@link io.incentivelab.simulation.model.InvalidScenarioException}). */
    public Simulator(Scenario scenario) {
        this(scenario, 1);
    }

    /**
     * A simulator that steps up to {@code threads} subnets of a run at once (results are identical for any
     * thread count: each subnet has its own random streams and state, and sums are taken in subnet order).
     * Use 1 when many runs already share the cores (experiments).
     */
    public Simulator(Scenario scenario, int threads) {
        this(scenario, threads, MAX_CHUNK);
    }

    /**
     * As {@link #Simulator(Scenario, int)}, stepping each subnet through at most {@code maxChunk} FIXED/EQUAL epochs
     * in a row (1: every subnet one epoch at a time, as under a market rule); the results do not depend on it.
     */
    Simulator(Scenario scenario, int threads, int maxChunk) {
        if (maxChunk < 1 || maxChunk > MAX_CHUNK) {
            throw new IllegalArgumentException("maxChunk must be 1 to " + MAX_CHUNK + ": " + maxChunk);
        }
        this.maxChunk = maxChunk;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        ScenarioValidator.requireValid(scenario);
        this.scenario = scenario;
        this.threads = Math.min(threads, scenario.subnets().size());
        List<SubnetSpec> subnets = scenario.subnets();
        NetworkSpec net = scenario.network();
        yumas = new YumaConsensus[subnets.size()];
        shares = new double[subnets.size()];
        noiseTables = new double[subnets.size()][];
        Map<Double, double[]> bySigma = new HashMap<>();
        double total = subnets.stream().mapToDouble(SubnetSpec::emissionShare).sum();
        for (int s = 0; s < subnets.size(); s++) {
            yumas[s] = new YumaConsensus(yumaParams(subnets.get(s), subnets.get(s).tempo(net)));
            noiseTables[s] = bySigma.computeIfAbsent(subnets.get(s).validators().noiseSigma(), NormalTable::lognormal);
            shares[s] = net.emissionSplit() == EmissionSplit.EQUAL ? 1.0 / subnets.size()
                    : subnets.get(s).emissionShare() / total;
        }
        keys = flatKeys(scenario);
    }

    /** Runs the scenario once with the given seed. */
    public static RunResult run(Scenario scenario, long seed, BooleanSupplier cancelled) {
        return new Simulator(scenario).run(seed, cancelled, ProgressListener.NONE);
    }

    public RunResult run(long seed) {
        return run(seed, () -> false, ProgressListener.NONE);
    }

    /**
     * Runs the scenario once.
     *
     * @param seed      the run's seed
     * @param cancelled checked before every epoch (FIXED/EQUAL: before each run of epochs up to the next sample
     *                  or decision, at most {@link #MAX_CHUNK}); when it returns true the run stops with a
     *                  {@link CancellationException}
     * @param progress  told after every epoch
     */
    public RunResult run(long seed, BooleanSupplier cancelled, ProgressListener progress) {
        NetworkSpec net = scenario.network();
        List<SubnetSpec> specs = scenario.subnets();
        int subnets = specs.size();
        SubnetRun[] runs = new SubnetRun[subnets];
        SubnetEmissionSplit split = new SubnetEmissionSplit((int) Math.round(net.ownerShare() * 65535),
                net.minerShare() / (net.minerShare() + net.validatorShare()));
        long uids = 0;
        int firstOperator = 0;
        for (int s = 0; s < subnets; s++) {
            runs[s] = new SubnetRun(specs.get(s), s, seed, split, yumas[s], scenario.economics(), firstOperator,
                    noiseTables[s], net.market().taoWeight());
            firstOperator += runs[s].operators().size();
            uids += runs[s].uids();
        }
        Economy economy = new Economy(scenario.economics(), runs, seed, net.epochsPerDay());
        Market market = net.marketRule() ? new Market(net, runs) : null;
        long[] subnetTao = new long[subnets];
        boolean moving = scenario.economics().enabled();
        int decideEvery = scenario.economics().decisionIntervalEpochs();
        int epochs = net.effectiveHorizonEpochs();
        int every = net.sampleEveryEpochs();
        int tempo = net.tempo();
        IssuanceTracker issuance = new IssuanceTracker(Math.round(net.startIssuanceTao() * BlockEmission.RAO_PER_TAO));
        long issued = 0;
        long maxUnpaid = 0;
        List<double[]> rows = new ArrayList<>();
        List<Integer> sampleEpochs = new ArrayList<>();
        long[] intervalSubnetRao = new long[subnets];
        int lastSample = 0;
        long[] left = new long[subnets];
        long[] totals = new long[MAX_CHUNK];
        long[] unpaidOf = new long[MAX_CHUNK];
        long[][] cumulatives = new long[MAX_CHUNK][tempo + 1];
        long[][] chunkRao = new long[MAX_CHUNK][subnets];
        long[][] chunkLeft = new long[MAX_CHUNK][subnets];
        try (SubnetStepper stepper = new SubnetStepper(runs, threads)) {
            for (int e = 0; e < epochs; ) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("run cancelled after " + e + " of " + epochs + " epochs");
                }
                int chunk;
                if (market != null) {
                    // the pools couple the subnets every epoch (the next epoch's shares read every price)
                    chunk = 1;
                    long firstBlock = (long) e * tempo + 1;
                    long total = market.beginEpoch(issuance, firstBlock);
                    // each subnet's blocks go into its pool on the thread that then steps it
                    stepper.step(left, s -> market.injectSubnet(s, subnetTao));
                    market.afterEpoch();
                    // paid values are alpha at the pool price; what is unpaid is the flooring of both
                    long unpaid = total;
                    for (int s = 0; s < subnets; s++) {
                        unpaid += left[s] - subnetTao[s];
                        intervalSubnetRao[s] += subnetTao[s];
                    }
                    totals[0] = total;
                    unpaidOf[0] = unpaid;
                } else {
                    // FIXED/EQUAL: nothing couples the subnets until the next decision or sample, so each subnet
                    // runs all the chunk's epochs in a row while its state is in cache (same results, in any order)
                    chunk = fixedChunk(e, epochs, every, moving ? decideEvery : 0, maxChunk);
                    for (int k = 0; k < chunk; k++) {
                        long[] cumulative = cumulatives[k];
                        long total = 0;
                        for (int b = 0; b < tempo; b++) {
                            total += issuance.mintBlock();
                            cumulative[b + 1] = total;
                        }
                        totals[k] = total;
                    }
                    int first = e;
                    int count = chunk;
                    stepper.forEach((s, ws) -> {
                        SubnetRun r = runs[s];
                        for (int k = 0; k < count; k++) {
                            long firstBlock = (long) (first + k) * tempo + 1;
                            chunkRao[k][s] = r.planFixed(firstBlock, cumulatives[k], shares[s]);
                            chunkLeft[k][s] = r.stepDue(ws);
                        }
                    });
                    for (int k = 0; k < chunk; k++) {
                        long unpaid = totals[k];
                        for (int s = 0; s < subnets; s++) {
                            unpaid -= chunkRao[k][s] - chunkLeft[k][s];
                            intervalSubnetRao[s] += chunkRao[k][s];
                        }
                        unpaidOf[k] = unpaid;
                    }
                }
                for (int k = 0; k < chunk; k++) {
                    int done = e + k + 1;
                    long block = (long) done * tempo;
                    issued += totals[k];
                    if (unpaidOf[k] < 0) {
                        throw new IllegalStateException("paid more than issued at epoch " + (done - 1));
                    }
                    maxUnpaid = Math.max(maxUnpaid, unpaidOf[k]);
                    // a chunk ends at every decision and sample, so these fall on its last epoch
                    if (moving && done % decideEvery == 0 && done < epochs) {
                        economy.decide(done, block, issuance);
                    }
                    if (done % every == 0 || done == epochs) {
                        rows.add(sample(runs, economy, intervalSubnetRao, done - lastSample, issuance, net, block));
                        sampleEpochs.add(done);
                        lastSample = done;
                        Arrays.fill(intervalSubnetRao, 0);
                    }
                    progress.onProgress(done, epochs);
                }
                e += chunk;
            }
        }
        long owner = 0;
        long miners = 0;
        long validators = 0;
        long burned = 0;
        for (SubnetRun r : runs) {
            SubnetPayment paid = r.payment();
            burned += paid.total().burned();
            owner += paid.total().owner();
            miners += paid.total().miners();
            validators += paid.total().validators();
        }
        long pending = 0;
        for (int s = 0; s < subnets; s++) {
            pending += market != null ? (long) Math.floor(market.pendingAlpha(s) * market.pools[s].price())
                    : runs[s].pendingRao();
        }
        Accounting accounting = new Accounting(issued, owner, miners, validators, burned, pending, maxUnpaid, uids);
        return new RunResult(seed, ENGINE_VERSION, summarise(rows, sampleEpochs, epochs),
                timeSeries(rows, sampleEpochs, net), accounting);
    }

    /**
     * How many epochs from epoch {@code e} (0-based) the subnets may run in a row without anything of the network
     * in between: up to the next sample, the next decision ({@code decideEvery} 0 when nothing decides), the end
     * of the horizon, and at most {@code maxChunk}. The epoch a chunk ends on is the only one in it that samples
     * or decides.
     */
    static int fixedChunk(int e, int epochs, int every, int decideEvery, int maxChunk) {
        int end = Math.min(epochs, e + maxChunk);
        end = Math.min(end, (e / every + 1) * every);
        if (decideEvery > 0) {
            end = Math.min(end, (e / decideEvery + 1) * decideEvery);
        }
        return end - e;
    }

    private double[] sample(SubnetRun[] runs, Economy economy, long[] subnetRao, int interval, IssuanceTracker tracker,
                            NetworkSpec net, long block) {
        long issuance = tracker.issuanceRao();
        double[] row = new double[keys.size()];
        economy.sample(row, keys.size() - Economy.KEYS.size(), interval, block);
        int per = SubnetMetric.KEYS.size();
        long networkTao = 0;
        for (long r : subnetRao) {
            networkTao += r;
        }
        for (int s = 0; s < runs.length; s++) {
            runs[s].sample(row, s * per, interval, net.epochsPerDay(), subnetRao[s], networkTao);
        }
        int i = runs.length * per;
        row[i++] = issuance / (double) BlockEmission.RAO_PER_TAO;
        row[i++] = BlockEmission.forIssuance(issuance) / (double) BlockEmission.RAO_PER_TAO;
        double total = 0;
        for (long r : subnetRao) {
            total += r;
        }
        double hhi = 0;
        for (long r : subnetRao) {
            double sh = total > 0 ? r / total : 0;
            hhi += sh * sh;
        }
        row[i++] = hhi;
        for (int res = 0; res < RESOURCES.size(); res++) {
            double sum = 0;
            double[] held = new double[runs.length];
            for (int s = 0; s < runs.length; s++) {
                held[s] = runs[s].population().held(res);
                sum += held[s];
            }
            for (int s = 0; s < runs.length; s++) {
                row[i++] = sum > 0 ? held[s] / sum : 0;
            }
        }
        return row;
    }

    private RunSummary summarise(List<double[]> rows, List<Integer> sampleEpochs, int epochs) {
        double[] mean = new double[keys.size()];
        int count = 0;
        int from = epochs * 3 / 4;
        for (int r = 0; r < rows.size(); r++) {
            if (sampleEpochs.get(r) > from) {
                double[] row = rows.get(r);
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += row[k];
                }
                count++;
            }
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= count;
        }
        double[] last = rows.get(rows.size() - 1);
        List<SubnetSummary> subnets = new ArrayList<>();
        int per = SubnetMetric.KEYS.size();
        for (int s = 0; s < scenario.subnets().size(); s++) {
            SubnetSpec spec = scenario.subnets().get(s);
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, Double> finals = new LinkedHashMap<>();
            for (int k = 0; k < per; k++) {
                values.put(SubnetMetric.KEYS.get(k), mean[s * per + k]);
                finals.put(SubnetMetric.KEYS.get(k), last[s * per + k]);
            }
            Map<String, Double> mw = new LinkedHashMap<>();
            if (spec.metric() == Metric.MIXED) {
                double t = spec.metricWeights().total();
                mw.put("speed", spec.metricWeights().speed() / t);
                mw.put("storage", spec.metricWeights().storage() / t);
                mw.put("accuracy", spec.metricWeights().accuracy() / t);
            }
            subnets.add(new SubnetSummary(spec.name(), spec.metric().name(), mw, spec.rewardCurve().type().name(),
                    values, finals));
        }
        Map<String, Double> network = new LinkedHashMap<>();
        Map<String, Double> networkFinal = new LinkedHashMap<>();
        String prefix = "network.";
        for (int k = scenario.subnets().size() * per; k < keys.size(); k++) {
            network.put(keys.get(k).substring(prefix.length()), mean[k]);
            networkFinal.put(keys.get(k).substring(prefix.length()), last[k]);
        }
        return new RunSummary(subnets, network, networkFinal);
    }

    private TimeSeries timeSeries(List<double[]> rows, List<Integer> sampleEpochs, NetworkSpec net) {
        int samples = rows.size();
        int[] ep = new int[samples];
        double[] days = new double[samples];
        double[][] cols = new double[keys.size()][samples];
        for (int i = 0; i < samples; i++) {
            ep[i] = sampleEpochs.get(i);
            days[i] = ep[i] / net.epochsPerDay();
            for (int k = 0; k < keys.size(); k++) {
                cols[k][i] = rows.get(i)[k];
            }
        }
        return new TimeSeries(ep, days, keys, cols);
    }

    /**
     * The time-series keys of a scenario: the flat keys of the last-quarter means, which open
     * {@link RunSummary#toFlatMap()} in the same order (the final values follow them, see {@link #summaryFlatKeys}).
     */
    public static List<String> flatKeys(Scenario scenario) {
        List<String> keys = new ArrayList<>();
        for (SubnetSpec s : scenario.subnets()) {
            for (String k : SubnetMetric.KEYS) {
                keys.add(s.name() + "." + k);
            }
        }
        keys.add("network.issuanceTao");
        keys.add("network.blockEmissionTao");
        keys.add("network.crossSubnetHhi");
        for (String res : RESOURCES) {
            for (SubnetSpec s : scenario.subnets()) {
                keys.add("network.resourceShareBySubnet." + res + "." + s.name());
            }
        }
        for (String k : Economy.KEYS) {
            keys.add("network." + k);
        }
        return keys;
    }

    /** Every key of {@link RunSummary#toFlatMap()} for a scenario, in order: {@link #flatKeys}, then the final values. */
    public static List<String> summaryFlatKeys(Scenario scenario) {
        List<String> keys = flatKeys(scenario);
        for (SubnetSpec s : scenario.subnets()) {
            for (String k : RunSummary.FINAL_FLAT_KEYS) {
                keys.add(s.name() + "." + RunSummary.FINAL + "." + k);
            }
        }
        for (String k : RunSummary.FINAL_FLAT_NETWORK_KEYS) {
            keys.add("network." + RunSummary.FINAL + "." + k);
        }
        return keys;
    }

    /** Chain hyperparameters of a subnet: fractions to the chain's integer forms (κ floored, as 32767 = ½). */
    static YumaParams yumaParams(SubnetSpec spec, int tempo) {
        YumaSpec y = spec.yuma();
        return new YumaParams(
                (int) Math.floor(y.kappa() * 65535),
                Math.round(y.bondsMovingAverage() * 1_000_000),
                (int) Math.round(y.bondsPenalty() * 65535),
                y.version() == YumaVersion.YUMA3,
                y.liquidAlpha(),
                (int) Math.round(y.alphaLow() * 65535),
                (int) Math.round(y.alphaHigh() * 65535),
                1000,
                spec.limits().validatorPermits(),
                YumaParams.activityCutoffBlocks(13_889, tempo),
                0,
                -1,
                tempo,
                spec.commitReveal()).withLiquidAlphaAuto(y.liquidAlphaMode() == LiquidAlphaMode.AUTO);
    }

    public Scenario scenario() {
        return scenario;
    }
}
