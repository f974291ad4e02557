package io.incentivelab.simulation;

import io.incentivelab.simulation.model.Strategy;
import java.util.Arrays;

/**
 * A miner operator during one run (mutable, owned by the run): its resources, its strategy, the UIDs it
 * holds on its current subnet and its books in USD. An operator is on at most one subnet at a time, so
 * only the thread stepping that subnet adds to its emission counters.
 */
final class Operator {

    final int id;
    final Strategy strategy;
    /** GPU-equivalents. */
    double compute;
    /** TB. */
    double storage;
    /** Skill in (0, 1). */
    double quality;
    /** GPU class 0, 1, 2, … (scoring expressions read it as gpuClass). */
    int gpuClass;
    /** Response latency, seconds (scoring expressions read it as latency). */
    double latency;
    boolean cheater;
    boolean copier;
    boolean cartel;

    /** Current subnet index, or −1. */
    int subnet = -1;
    /** The subnet it last registered on (where it registers again after being pruned). */
    int home = -1;
    /** Miner slots (uid − validators) held on the current subnet. */
    int[] slots = new int[0];
    boolean active = true;
    final int enteredEpoch;
    int exitedEpoch = -1;

    /** Emission since the last decision / the last sample, rao. */
    long earnedRao;
    long sampleRao;

    /** Books since entry, USD. */
    double revenueUsd;
    double runningUsd;
    double burnUsd;
    double capitalUsd;
    int losingStreak;

    /** Resources to the power β (compute, storage, quality odds), valid while sizedAt == resourceVersion. */
    final double[] sized = new double[3];
    int sizedAt = -1;
    int resourceVersion;

    Operator(int id, Strategy strategy, double compute, double storage, double quality, int enteredEpoch) {
        this.id = id;
        this.strategy = strategy;
        this.compute = compute;
        this.storage = storage;
        this.quality = quality;
        this.enteredEpoch = enteredEpoch;
    }

    /** Return on capital since entry: (revenue − running − burn) / capital (0 without capital). */
    double roi() {
        double profit = revenueUsd - runningUsd - burnUsd;
        double base = capitalUsd + burnUsd;
        return base > 0 ? profit / base : 0;
    }

    /** UIDs held on subnet s. */
    int slotsOn(int s) {
        return subnet == s ? slots.length : 0;
    }

    void addSlot(int j) {
        int[] s = Arrays.copyOf(slots, slots.length + 1);
        s[slots.length] = j;
        slots = s;
    }

    void removeSlot(int j) {
        int k = 0;
        int[] s = new int[slots.length];
        for (int x : slots) {
            if (x != j) {
                s[k++] = x;
            }
        }
        slots = Arrays.copyOf(s, k);
    }
}
