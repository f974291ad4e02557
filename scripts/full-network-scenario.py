#!/usr/bin/env python3
"""Writes data/examples/full-network.scenario.json: 128 subnets of 256 UIDs (64 validators) for one year,
generated from 12 archetypes modelled on real subnets (economics.md §5). Run from the repository root."""
import json

ARCHETYPES = [
    ("chutes-like", "SN64 Chutes: total compute time; proportional to compute.",
     {"metric": "SPEED", "rewardCurve": {"type": "PROPORTIONAL"}}),
    ("targon-like", "SN4 Targon: tokens/s counted only above a quality gate; speed with a threshold.",
     {"metric": "MIXED", "metricWeights": {"speed": 0.8, "accuracy": 0.2}, "rewardCurve": {"type": "THRESHOLD", "theta": 0.5}}),
    ("templar-like", "SN3 Templar: loss improvement, EMA, then softmax.",
     {"metric": "ACCURACY", "rewardCurve": {"type": "SOFTMAX", "tau": 0.05}}),
    ("finetuning-like", "SN37 Finetuning: only the top model gets weight.",
     {"metric": "ACCURACY", "rewardCurve": {"type": "WINNER_TAKE_ALL"}}),
    ("hippius-like", "SN75 Hippius: storage capacity and availability, audited.",
     {"metric": "STORAGE", "rewardCurve": {"type": "PROPORTIONAL"}, "verification": {"auditRate": 0.1}}),
    ("datauniverse-like", "SN13 Data Universe: data volume x value with spot checks.",
     {"metric": "STORAGE", "rewardCurve": {"type": "POWER", "alpha": 1.5}, "verification": {"auditRate": 0.05}}),
    ("synth-like", "SN50 Synth: CRPS scores raised to the power 2.",
     {"metric": "ACCURACY", "rewardCurve": {"type": "POWER", "alpha": 2}}),
    ("computehorde-like", "SN12 ComputeHorde: hardware class x efficiency x seconds worked.",
     {"metric": "SPEED", "rewardCurve": {"type": "PROPORTIONAL"}}),
    ("nineteen-like", "SN19 Nineteen: volume x speed x quality, rank-weighted.",
     {"metric": "MIXED", "metricWeights": {"speed": 0.5, "accuracy": 0.5}, "rewardCurve": {"type": "RANK_DECAY", "decay": 0.95}}),
    ("gradients-like", "SN56 Gradients: tournaments, exponentially more for the top.",
     {"metric": "ACCURACY", "rewardCurve": {"type": "TOP_K", "k": 5}}),
    ("omron-like", "SN2 Omron: valid proof, then response time; softmax on speed.",
     {"metric": "SPEED", "rewardCurve": {"type": "SOFTMAX", "tau": 0.2}}),
    ("sportstensor-like", "SN41 Sportstensor: prediction accuracy, rank-decayed.",
     {"metric": "ACCURACY", "rewardCurve": {"type": "RANK_DECAY", "decay": 0.9}}),
]

subnets = []
counts = [11 if i < 8 else 10 for i in range(len(ARCHETYPES))]
assert sum(counts) == 128
for (name, _, spec), count in zip(ARCHETYPES, counts):
    for i in range(1, count + 1):
        s = {"name": "%s-%02d" % (name, i)}
        s.update(spec)
        s["limits"] = {"maxUids": 256, "validatorPermits": 64}
        s["miners"] = {"operators": 192}
        s["validators"] = {"count": 64, "remeasureEveryEpochs": 5}
        subnets.append(s)

scenario = {
    "schemaVersion": 1,
    "name": "full-network",
    "description": "The full-size network: 128 subnets of 256 UIDs (64 validators with permits, 192 miner slots)"
                   " for one year, generated from 12 archetypes modelled on real subnets: "
                   + "; ".join("%s = %s" % (a[0], a[1]) for a in ARCHETYPES)
                   + " Operators are 60% specialists, 20% adaptive, 10% sybils and 10% cheaters; 20 arrive a day;"
                     " the TAO price walks (daily sigma 0.04); validators re-measure every 5 epochs (6 hours)."
                     " Where do operators go, how concentrated does each archetype become, and who makes money?",
    "network": {"horizonDays": 365, "sampleEveryEpochs": 20},
    "economics": {
        "enabled": True,
        "taoPriceUsd": 300,
        "taoPriceDailySigma": 0.04,
        "scaleExponent": 0.9,
        "costs": {"computeCapitalUsd": 1500, "computeRunningUsdPerDay": 1.5, "storageCapitalUsd": 20,
                  "storageRunningUsdPerDay": 0.02, "qualityCapitalUsd": 2000, "qualityRunningUsdPerDay": 5,
                  "uidOverheadUsdPerDay": 0.5},
        "reinvestFraction": 0.5,
        "exitAfterLosingDecisions": 14,
        "arrivalsPerDay": 20,
        "strategies": {"specialist": 0.6, "adaptive": 0.2, "sybil": 0.1, "cheater": 0.1},
    },
    "subnets": subnets,
}
with open("data/examples/full-network.scenario.json", "w") as f:
    json.dump(scenario, f, indent=1)
    f.write("\n")
