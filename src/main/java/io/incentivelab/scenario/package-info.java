/** The scenario's JSON form (reading with defaults, validation, schema, hashing), run output JSON, and the packaged examples. */
package io.incentivelab.scenario;
