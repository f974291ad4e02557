/** Notebooks: the document of typed cells, its storage, and sharing. */
package io.incentivelab.notebook;
