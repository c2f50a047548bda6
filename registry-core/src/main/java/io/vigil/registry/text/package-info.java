/** Small text helpers every module may use, such as writing values into CSV files safely ({@link io.vigil.registry.text.SafeCsv}). */
package io.vigil.registry.text;
