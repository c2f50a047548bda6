package io.vigil.batch;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by the build), or "development" when run from classes. */
public final class VigilVersion implements IVersionProvider {

    /** The product version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        String v = VigilVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"vigil " + current()};
    }
}
