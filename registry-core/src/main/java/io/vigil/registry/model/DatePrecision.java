package io.vigil.registry.model;

/** How much of a date the source states. */
public enum DatePrecision {
    DAY, MONTH, YEAR, RANGE
}
