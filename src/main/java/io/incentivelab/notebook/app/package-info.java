/** The notebook application service: the one façade the notebook views load, save, run and share a notebook through. */
package io.incentivelab.notebook.app;
