package org.pubky.spi.storage;

/**
 * A fault-injection hook that lets the compliance kit prove atomicity: a backend calls
 * {@link #reached} at each named step inside its atomic units, and a probe that throws there must
 * leave no trace of the unit. Backends take the probe from
 * {@code ProviderContext.service(UnitProbe.class)} and use {@link #NONE} when the host supplies
 * none; production hosts never supply one.
 *
 * <p>Every backend must call at least the points listed here, in this order within each unit.
 */
@FunctionalInterface
public interface UnitProbe {
    /** The probe that does nothing. */
    UnitProbe NONE = point -> { };

    /** {@link EntryStore#put}/{@link EntryStore#delete}: the entry was written or removed. */
    String ENTRY_WRITTEN = "entry-written";
    /** {@link EntryStore#put}/{@link EntryStore#delete}: the owner's used bytes were changed. */
    String USAGE_UPDATED = "usage-updated";
    /** {@link EntryStore#put}/{@link EntryStore#delete}: the event was appended; next is commit. */
    String EVENT_APPENDED = "event-appended";
    /** {@link UserStore#create}: the user was inserted; the token is consumed next (if any). */
    String USER_CREATED = "user-created";
    /** {@link GrantStore#replaceBearer}: the old tokens were deleted; the new one is inserted next. */
    String BEARERS_DELETED = "bearers-deleted";

    /**
     * Called by the backend when a unit reaches {@code point}, inside the unit (before commit).
     * Throwing aborts the unit, which must then roll back completely and rethrow.
     */
    void reached(String point);
}
