package org.pubky.tck;

/**
 * The failure {@link RecordingUnitProbe} throws at an armed point. A store must let it propagate
 * unchanged (same instance) after rolling the unit back.
 */
public final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InjectedFailure(String point) {
        super("failure injected at " + point);
    }
}
