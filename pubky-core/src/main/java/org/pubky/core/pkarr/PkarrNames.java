package org.pubky.core.pkarr;

import static java.util.Objects.requireNonNull;

/**
 * Record names relative to the signer's key ("origin", its z-base-32 form), exactly as the Rust
 * reference normalises them when building packets and when looking records up.
 *
 * <p>Stateless and thread-safe.
 */
public final class PkarrNames {
    private PkarrNames() {
    }

    /**
     * Normalises {@code name} against {@code origin}: one trailing dot is dropped; if the last
     * label is the origin the name is kept; if the last label is empty or {@code @} the name
     * becomes the origin (so {@code .}, {@code @}, {@code @.} and — a reference quirk —
     * {@code foo.@} all mean the apex); otherwise {@code .<origin>} is appended.
     */
    public static String normalize(String origin, String name) {
        requireNonNull(origin, "origin is null");
        requireNonNull(name, "name is null");
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String last = n.substring(n.lastIndexOf('.') + 1);
        if (last.equals(origin)) {
            return n;
        }
        if (last.isEmpty() || last.equals("@")) {
            return origin;
        }
        return n + "." + origin;
    }

    /**
     * True if a record named {@code recordName} (its {@code DnsName.toString()} form) answers a
     * lookup for the already normalised {@code normalizedQuery}: equal strings, or, for a query
     * {@code *.rest}, a record name of exactly one label followed by {@code .rest}.
     */
    public static boolean matches(String normalizedQuery, String recordName) {
        if (normalizedQuery.startsWith("*")) {
            String suffix = normalizedQuery.substring(1);
            return recordName.endsWith(suffix)
                    && recordName.lastIndexOf('.', recordName.length() - suffix.length() - 1) < 0;
        }
        return normalizedQuery.equals(recordName);
    }
}
