package io.vigil.registry.screen.sample;

/**
 * What a {@link SampleGenerator} wrote: data rows (the header not counted) and rows carrying a planted listed name.
 *
 * <p>Example: 10,000 rows at hit rate 0.01 → {@code SampleStats(10000, 97)}.
 */
public record SampleStats(long rows, long planted) {
}
