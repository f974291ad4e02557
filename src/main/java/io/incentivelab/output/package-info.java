/**
 * A run's result as JSON ({@link io.incentivelab.output.RunOutput}): what {@code simulate} writes, what a notebook's
 * single-run cells read, and what the golden files hold.
 */
package io.incentivelab.output;
