/**
 * Downloading configured list sources into a local cache for {@code import-lists} with no files given.
 *
 * <p>{@link io.vigil.registry.download.SourceDownloader} fetches a
 * {@link io.vigil.registry.download.ConfiguredSource} (one file, or a set such as OFAC's four CSV files) over
 * http/https with timeouts, retries and conditional requests, verifies it, lets the caller's
 * {@link io.vigil.registry.download.CandidateValidator} (usually the parser) accept it, and installs it atomically
 * as {@code <cache>/<name>/current/}; on failure it returns the last good copy marked stale.
 */
package io.vigil.registry.download;
