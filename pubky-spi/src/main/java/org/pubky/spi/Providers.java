package org.pubky.spi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds providers with {@link ServiceLoader}. Stateless: every call loads afresh. */
public final class Providers {
    private Providers() {
    }

    /**
     * The provider of {@code type} named {@code name}, from {@code loader}.
     *
     * @throws PubkyException {@link ErrorCode#UNSUPPORTED} if none has that name, naming the ones
     *     that exist so a typo in configuration is easy to spot
     */
    public static <P extends Provider<?>> P find(Class<P> type, String name, ClassLoader loader) {
        requireNonNull(name, "name is null");
        List<String> seen = new ArrayList<>();
        for (P provider : ServiceLoader.load(type, loader)) {
            if (provider.name().equals(name)) {
                return provider;
            }
            seen.add(provider.name());
        }
        throw new PubkyException(ErrorCode.UNSUPPORTED,
                "no " + type.getSimpleName() + " named '" + name + "' (available: " + String.join(", ", seen) + ")");
    }

    /** Every provider of {@code type} visible to {@code loader}. */
    public static <P extends Provider<?>> List<P> all(Class<P> type, ClassLoader loader) {
        List<P> out = new ArrayList<>();
        ServiceLoader.load(type, loader).forEach(out::add);
        return List.copyOf(out);
    }
}
