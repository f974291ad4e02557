/** The app shell: main layout with navigation and the error view. */
package io.incentivelab.base.ui;
