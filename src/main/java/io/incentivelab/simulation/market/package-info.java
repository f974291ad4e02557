/**
 * The alpha market (issue 16; economics.md "2026 mechanics"): per-subnet pools with per-block injection and
 * chain buys, the moving price, and the cross-subnet split rules that read them. Pure and deterministic.
 */
package io.incentivelab.simulation.market;
