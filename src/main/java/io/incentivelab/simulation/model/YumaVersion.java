package io.incentivelab.simulation.model;

/** Yuma Consensus variant: the chain's original Yuma (Yuma3On = false) or Yuma 3. */
public enum YumaVersion { YUMA1, YUMA3 }
