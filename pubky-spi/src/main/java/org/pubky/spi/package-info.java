/**
 * The service-provider interfaces of pubky-java and the values that cross them.
 *
 * <p>This package and its sub-packages depend on the JDK only (the build enforces it), so a
 * vendor implementing a backend pulls in nothing else. They evolve only by adding: new methods
 * arrive as {@code default} methods that either return an empty result or throw
 * {@link org.pubky.spi.PubkyException} with {@link org.pubky.spi.ErrorCode#UNSUPPORTED}.
 *
 * <p>Failures are reported with the single unchecked {@link org.pubky.spi.PubkyException}; no
 * method declares a checked exception and no method returns {@code null}.
 */
package org.pubky.spi;
