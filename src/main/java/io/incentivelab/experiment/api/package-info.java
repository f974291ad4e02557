/** The JSON HTTP API for experiments ({@code /api/experiments}); ids are random UUIDs acting as capabilities. */
package io.incentivelab.experiment.api;
