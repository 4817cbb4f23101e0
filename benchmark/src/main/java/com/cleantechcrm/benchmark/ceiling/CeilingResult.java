package com.cleantechcrm.benchmark.ceiling;

/**
 * What a tool measured on the infrastructure alone.
 *
 * @param p99Millis NaN when the tool does not report it
 */
public record CeilingResult(String name, double perSecond, double averageMillis, double p99Millis) {}
