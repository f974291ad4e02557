package io.incentivelab.simulation.model;

/**
 * Which consensus liquid alpha's sigmoid reads (Yuma 3 only): {@code CURRENT}, this epoch's (yuma.md §5.10b(i), the
 * chain until mid-2026), or {@code AUTO}, the mode of the chain's 2026 release (Liquid Alpha 2.1, release 446): the
 * previous epoch's consensus when bondsPenalty is 1, the current one otherwise.
 */
public enum LiquidAlphaMode { CURRENT, AUTO }
