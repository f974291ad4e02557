/** The notebook views: home (the notebook list) and the notebook editor. */
package io.incentivelab.notebook.ui;
