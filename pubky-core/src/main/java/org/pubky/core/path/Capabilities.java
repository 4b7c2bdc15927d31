package org.pubky.core.path;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * An ordered list of {@link Capability} entries, written comma-separated without spaces
 * ({@code /pub/my-app/:rw,/pub/foo.txt:r}); the empty string is the empty list. This one string is
 * also the JSON form wherever the protocol carries a list as a single value.
 *
 * <p>Parsing is all-or-nothing: one bad entry (including an empty one, as in {@code /:r,}) fails
 * the whole list with {@link ErrorCode#INVALID_CAPABILITIES} naming its one-based position.
 * Parsing keeps entries as written; {@link #normalize()} merges and prunes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entries the capabilities in order
 */
public record Capabilities(List<Capability> entries) {
    private static final Capabilities NONE = new Capabilities(List.of());

    public Capabilities {
        entries = List.copyOf(requireNonNull(entries, "entries is null"));
    }

    /** The empty list. */
    public static Capabilities none() {
        return NONE;
    }

    /** {@code /:rw} alone. */
    public static Capabilities root() {
        return of(Capability.root());
    }

    public static Capabilities of(Capability... entries) {
        return new Capabilities(List.of(entries));
    }

    /**
     * Parses the comma-separated wire form.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_CAPABILITIES} with the message
     *     {@code invalid capability at position N (`entry`): reason} for the first bad entry
     */
    public static Capabilities parse(String text) {
        requireNonNull(text, "text is null");
        if (text.isEmpty()) {
            return NONE;
        }
        List<Capability> parsed = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(',', start);
            if (end < 0) {
                end = text.length();
            }
            String entry = text.substring(start, end);
            try {
                parsed.add(Capability.parse(entry));
            } catch (PubkyException e) {
                throw Capability.invalid("invalid capability at position " + (parsed.size() + 1)
                        + " (`" + entry + "`): " + e.getMessage());
            }
            start = end + 1;
        }
        return new Capabilities(parsed);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** True if some entry allows {@code action} on {@code path}. */
    public boolean covers(StoragePath path, Action action) {
        for (Capability entry : entries) {
            if (entry.covers(path, action)) {
                return true;
            }
        }
        return false;
    }

    /** True if some entry is exactly {@code /:rw} (what grant management requires). */
    public boolean hasRoot() {
        return entries.contains(Capability.root());
    }

    /**
     * The reference's normalisation: entries with the same scope merge their actions (at the
     * position of the first), then entries covered by another are dropped, keeping order.
     */
    public Capabilities normalize() {
        List<Capability> merged = new ArrayList<>(entries.size());
        for (Capability entry : entries) {
            int same = indexOfScope(merged, entry.scope());
            if (same < 0) {
                merged.add(entry);
            } else {
                Capability existing = merged.get(same);
                merged.set(same, new Capability(existing.scope(), existing.read() || entry.read(),
                        existing.write() || entry.write()));
            }
        }
        List<Capability> kept = new ArrayList<>(merged.size());
        for (Capability entry : merged) {
            if (kept.stream().anyMatch(k -> k.covers(entry))) {
                continue;
            }
            kept.removeIf(entry::covers);
            kept.add(entry);
        }
        return new Capabilities(kept);
    }

    /** The comma-separated wire form. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Capability entry : entries) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(entry);
        }
        return out.toString();
    }

    private static int indexOfScope(List<Capability> list, StoragePath scope) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).scope().equals(scope)) {
                return i;
            }
        }
        return -1;
    }
}
