package io.incentivelab.simulation.model;

/** Reward curves: how a validator turns scores into weights (model.md §5). */
public enum CurveType { PROPORTIONAL, POWER, SOFTMAX, TOP_K, WINNER_TAKE_ALL, RANK_DECAY, THRESHOLD }
