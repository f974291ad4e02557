/** Views of sharing: the read-only snapshot page, edit-link claims, and the owner's share panel. */
package io.incentivelab.notebook.sharing.ui;
