package io.incentivelab.cli;

import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import java.util.List;

/** A conformance case (yuma.md §11) as read from its JSON file: hyperparameters and each epoch's recorded inputs. */
record YumaCase(String name, int n, YumaParams params, List<YumaInputs> epochs) {
}
