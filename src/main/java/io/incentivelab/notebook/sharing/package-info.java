/** Sharing by link: owner keys (edit capabilities), immutable snapshots behind /s/{token}, fork, and reports. */
package io.incentivelab.notebook.sharing;
