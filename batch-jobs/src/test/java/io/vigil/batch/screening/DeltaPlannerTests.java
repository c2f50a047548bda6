package io.vigil.batch.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.delta.BookState;
import io.vigil.registry.delta.RecordFingerprints;
import org.junit.jupiter.api.Test;

/** The planner's words for a base run's fingerprint scheme (the full screen it causes: FingerprintSchemeFunctionalTests). */
class DeltaPlannerTests {

    @Test
    void aSchemeOtherThanTheCurrentOneIsNamedAsEarlierLaterOrMixed() {
        assertThat(DeltaPlanner.describeScheme(RecordFingerprints.SHA256)).isEqualTo("an earlier scheme (scheme 1)");
        assertThat(DeltaPlanner.describeScheme(RecordFingerprints.SCHEME + 1)).isEqualTo("a later scheme (scheme 3)");
        assertThat(DeltaPlanner.describeScheme(BookState.MIXED)).isEqualTo("more than one scheme");
    }
}
