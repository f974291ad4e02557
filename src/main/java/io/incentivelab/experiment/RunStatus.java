package io.incentivelab.experiment;

/** The state of one run. DONE and FAILED are final: a finished run is never run or stored again. */
public enum RunStatus {
    PENDING, DONE, FAILED;

    public boolean finished() {
        return this != PENDING;
    }
}
