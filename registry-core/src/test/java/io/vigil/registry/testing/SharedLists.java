package io.vigil.registry.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real official list files in {@code ../shared/data/lists} (beside the checkout). Tests that need them
 * call {@link #require(String)}, which skips the test with a message only when the folder is absent.
 * The location can be overridden with the system property {@code vigil.shared.lists}.
 */
public final class SharedLists {

    private SharedLists() {
    }

    /** The lists folder, or null when it is not there. */
    public static Path root() {
        String override = System.getProperty("vigil.shared.lists");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isDirectory(p) ? p : null;
        }
        // tests run with the module directory as working directory; shared/ sits beside the checkout
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("lists");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The file or directory {@code relative} under the lists folder; skips the calling test when absent. */
    public static Path require(String relative) {
        Path root = root();
        assumeTrue(root != null, "../shared/data/lists is absent: skipping the real-list test");
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), () -> "shared list file absent: " + p + ": skipping the real-list test");
        return p;
    }
}
