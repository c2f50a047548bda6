package io.vigil.registry.store;

import java.time.Instant;

/**
 * A failed import, recorded outside any snapshot, e.g. {@code (3, 2024-05-03T02:00:00Z, "sdn.csv line 12: …")}.
 *
 * @param id sequential number
 * @param failedAt when it failed (from the store's clock)
 * @param message why
 */
public record ImportFailure(long id, Instant failedAt, String message) {
}
