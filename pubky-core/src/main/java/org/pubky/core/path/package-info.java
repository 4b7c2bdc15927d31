/**
 * Storage paths and the capabilities scoped by them.
 *
 * <p>{@link org.pubky.core.path.StoragePath} is the one canonical form of a path inside a user's
 * storage; request paths are normalised into it and scopes, cursors and stored rows must already be
 * in it. {@link org.pubky.core.path.Capability} and {@link org.pubky.core.path.Capabilities} decide
 * what a session may read and write. Both follow the reference implementation's rules and error
 * texts, and throw only {@link org.pubky.spi.PubkyException}.
 */
package org.pubky.core.path;
