package io.vigil.registry.download;

import java.io.IOException;

/** A response was larger than {@link DownloadSettings#maxBytesPerFile()}. Never retried. */
final class SizeCapExceededException extends IOException {
    SizeCapExceededException(String message) {
        super(message);
    }
}
