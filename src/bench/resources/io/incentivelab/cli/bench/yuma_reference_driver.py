"""Times the public reference simulator's Yuma 3 epoch for Incentive Lab's `bench` (ReferenceYuma.java).

Contains no code of the reference: it imports `yuma_simulation` from the checkout of its `src` that
YUMA_SIM_SRC points at and calls its `Yuma3` function, torch float32 on one thread, on the inputs the bench
wrote (the same synthetic epoch our own epoch is timed on). Protocol, one JSON object per line on stdout:
after start-up it prints {"ready": ...}; then for each command line on stdin
  "warmup SECONDS" / "round SECONDS"  ->  {"epochs": N, "cpuSeconds": C, "wallSeconds": W}
  "quit"                              ->  exits.
CPU seconds are this thread's (time.thread_time): with one torch thread every epoch runs on it.

Input file (little-endian): int32 validators V, int32 uids n, float64 bond EMA rate alpha, float64 kappa,
then V float64 stakes, V*n float64 weights (the stored u16 values, -1 for an absent entry) and V*n float64
bonds (u16 values), row by row.
"""
import json
import os
import struct
import sys
import time


def main():
    path = sys.argv[1]
    torch_threads = 1
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import torch

    torch.set_num_threads(torch_threads)
    src = os.environ["YUMA_SIM_SRC"]
    sys.path.insert(0, src)
    from yuma_simulation._internal.yumas import (  # the reference, called, not copied
        SimulationHyperparameters,
        Yuma3,
        YumaConfig,
        YumaParams,
    )

    with open(path, "rb") as f:
        data = f.read()
    v, n = struct.unpack_from("<ii", data, 0)
    alpha, kappa = struct.unpack_from("<dd", data, 8)
    off = 24
    stake = torch.frombuffer(bytearray(data[off:off + 8 * v]), dtype=torch.float64)
    off += 8 * v
    weights = torch.frombuffer(bytearray(data[off:off + 8 * v * n]), dtype=torch.float64).reshape(v, n)
    off += 8 * v * n
    bonds = torch.frombuffer(bytearray(data[off:off + 8 * v * n]), dtype=torch.float64).reshape(v, n)

    W = weights.clamp(min=0).to(torch.float32)  # absent entries weigh 0; the reference normalises the rows
    S = stake.to(torch.float32)
    B = (bonds / 65535.0).to(torch.float32)  # Yuma 3 bonds are fractions in [0, 1]
    config = YumaConfig(
        simulation=SimulationHyperparameters(kappa=kappa, bond_penalty=1.0),
        yuma_params=YumaParams(bond_moving_avg=1.0 - alpha, liquid_alpha=False),
    )

    def epoch():
        return Yuma3(W, S, num_servers=n, num_validators=v, use_full_matrices=True, B_old=B, C_old=None,
                     config=config)

    result = epoch()
    ready = {"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads(),
             "dtype": str(result["validator_bonds"].dtype), "validators": v, "uids": n}
    print(json.dumps(ready), flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        seconds = float(parts[1])
        c0 = time.thread_time()
        w0 = time.perf_counter()
        epochs = 0
        while True:
            epoch()
            epochs += 1
            c = time.thread_time() - c0
            if c >= seconds:
                break
        print(json.dumps({"epochs": epochs, "cpuSeconds": c, "wallSeconds": time.perf_counter() - w0}), flush=True)


if __name__ == "__main__":
    main()
