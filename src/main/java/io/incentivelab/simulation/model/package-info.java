/** The scenario model: immutable records with documented defaults and ranges, and their validation. */
package io.incentivelab.simulation.model;
