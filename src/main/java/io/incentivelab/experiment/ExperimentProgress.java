package io.incentivelab.experiment;

/**
 * The status of an experiment as the API and the UI show it; also the event sent to progress listeners.
 *
 * @param done       runs that ended, successful or failed (done − failed succeeded)
 * @param failed     runs that threw; their error is stored with the run
 * @param etaSeconds estimated seconds to the end; null when not running or not yet known
 * @param message    why an experiment failed or was stopped; null otherwise
 */
public record ExperimentProgress(String id, String name, ExperimentStatus status, int total, int done, int failed,
        Long etaSeconds, String message) {

    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
