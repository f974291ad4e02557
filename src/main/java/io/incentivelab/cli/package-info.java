/** The jar's headless commands (yuma, simulate, experiment, bench, …), run without the web server. */
package io.incentivelab.cli;
