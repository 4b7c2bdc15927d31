/**
 * The compliance kit: abstract JUnit 5 contracts every storage backend passes by subclassing
 * {@link org.pubky.tck.MetadataStoreContract} or {@link org.pubky.tck.BlobStoreContract} and
 * implementing {@code open(ProviderContext)}.
 *
 * <p>Each contract is an interface of {@code @Test} default methods over a small fixture
 * ({@link org.pubky.tck.MetadataStoreFixture}, {@link org.pubky.tck.BlobStoreFixture}); the two
 * abstract classes implement every contract and own the per-test lifecycle (a fresh data
 * directory, a {@link org.pubky.tck.MutableClock}, a {@link org.pubky.tck.RecordingUnitProbe}).
 *
 * <p>Rules the kit follows: a missing optional capability is asserted to be refused with
 * {@code ErrorCode.UNSUPPORTED}, never skipped; where absence has no call to refuse
 * ({@code DURABLE}, {@code CROSS_INSTANCE_NOTIFICATIONS}) the honest behaviour of the absence is
 * asserted instead. Every test has a timeout; the two heavy ones (100 000 entries, a 512 MiB
 * blob) are tagged {@code slow} and still run by default.
 */
package org.pubky.tck;
