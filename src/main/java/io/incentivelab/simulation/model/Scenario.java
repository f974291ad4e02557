package io.incentivelab.simulation.model;

import java.util.List;

/**
 * A scenario: the network, its subnets, their miners and validators. Immutable; every field has a
 * default taken from the real network (economics.md) so a file names only what it changes. Runs are a
 * pure function of (scenario, seed, engine version).
 */
public record Scenario(
        @Field(doc = "Version of this format; 1.", def = "1", min = 1, max = 1) int schemaVersion,
        @Field(doc = "Short name of the scenario.", def = "\"scenario\"") String name,
        @Field(doc = "The question the scenario asks, in a sentence or two.", def = "\"\"") String description,
        @Field(doc = "Time and emission, network-wide.", def = "{}") NetworkSpec network,
        @Field(doc = "The subnets (1 to 128); names must be unique.", minItems = 1,
                maxItems = ScenarioLimits.MAX_SUBNETS) List<SubnetSpec> subnets,
        @Field(doc = "Operators' costs, strategies and a moving population (off by default).", def = "{}")
        EconomicsSpec economics) {

    public Scenario {
        subnets = List.copyOf(subnets);
        if (economics == null) {
            economics = EconomicsSpec.defaults();
        }
    }

    /** A scenario with the default economics (a fixed population). */
    public Scenario(int schemaVersion, String name, String description, NetworkSpec network, List<SubnetSpec> subnets) {
        this(schemaVersion, name, description, network, subnets, EconomicsSpec.defaults());
    }
}
