package io.incentivelab.experiment;

import java.util.function.IntPredicate;

/**
 * A set of runs to compare: one sweep point, or every point of one scenario (its runs pooled).
 * Text form (API): {@code point:3} or {@code scenario:LABEL}.
 */
public sealed interface RunGroup {

    record Point(int pointIndex) implements RunGroup {
    }

    record Scenario(String label) implements RunGroup {
    }

    static RunGroup parse(String text) {
        if (text != null && text.startsWith("point:")) {
            try {
                return new Point(Integer.parseInt(text.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("point:N needs a whole number, was '" + text + "'");
            }
        }
        if (text != null && text.startsWith("scenario:") && text.length() > 9) {
            return new Scenario(text.substring(9));
        }
        throw new IllegalArgumentException("a group is point:N or scenario:LABEL, was '" + text + "'");
    }

    /** Which point indexes belong to the group; throws if the group is not in the plan. */
    default IntPredicate points(ExperimentPlan plan) {
        if (this instanceof Point p) {
            if (p.pointIndex() < 0 || p.pointIndex() >= plan.points()) {
                throw new IllegalArgumentException("point " + p.pointIndex() + " is not in 0.." + (plan.points() - 1));
            }
            return i -> i == p.pointIndex();
        }
        String label = ((Scenario) this).label();
        int s = -1;
        for (int k = 0; k < plan.spec().scenarios().size(); k++) {
            if (plan.spec().scenarios().get(k).label().equals(label)) {
                s = k;
            }
        }
        if (s < 0) {
            throw new IllegalArgumentException("no scenario is labelled '" + label + "'");
        }
        int per = plan.points() / plan.spec().scenarios().size();
        int first = s * per;
        return i -> i >= first && i < first + per;
    }
}
