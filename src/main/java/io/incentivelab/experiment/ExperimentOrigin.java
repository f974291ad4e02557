package io.incentivelab.experiment;

import java.util.Objects;

/**
 * Who started an experiment, as an opaque tag of the caller's: the experiments service stores it, finds
 * experiments by it and never reads it. Experiments started through the HTTP API have none.
 *
 * @param group  experiments deleted together ({@link ExperimentService#deleteByOrigin}); at most 36 characters
 * @param member one place within the group: a later experiment with the same origin supersedes the earlier ones
 *               ({@link ExperimentService#superseded}); at most 64 characters
 */
public record ExperimentOrigin(String group, String member) {

    public static final int MAX_GROUP = 36;
    public static final int MAX_MEMBER = 64;

    public ExperimentOrigin {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(member, "member");
        if (group.length() > MAX_GROUP || member.length() > MAX_MEMBER) {
            throw new IllegalArgumentException("an origin's group has at most " + MAX_GROUP + " characters and its member at most "
                    + MAX_MEMBER);
        }
    }
}
