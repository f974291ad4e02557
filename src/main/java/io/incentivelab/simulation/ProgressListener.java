package io.incentivelab.simulation;

/** Told after each epoch how far a run is. Called on the running thread; keep it cheap. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void onProgress(int epochsDone, int totalEpochs);
}
