/** Scale-out: experiments' runs executed on a Hazelcast cluster of the same app ({@code lab.executor.mode=hazelcast}). */
package io.incentivelab.experiment.cluster;
