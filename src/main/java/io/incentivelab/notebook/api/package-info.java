/** The JSON HTTP API for notebooks ({@code /api/notebooks}); the browser's owner key cookie is the permission. */
package io.incentivelab.notebook.api;
