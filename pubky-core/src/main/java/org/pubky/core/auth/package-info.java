/**
 * Authentication artefacts of the protocol and their codecs: the legacy signed
 * {@link org.pubky.core.auth.AuthToken} with its verifier and replay guard, the cookie session
 * record, signup tokens and session secrets, and the grant flow's compact JWS
 * ({@link org.pubky.core.auth.Grant}, {@link org.pubky.core.auth.PopProof}) and bearer tokens.
 *
 * <p>Layouts, JSON member order and error texts follow the Rust reference byte-for-byte; decoders
 * throw only {@link org.pubky.spi.PubkyException}. Types holding secrets never print them.
 */
package org.pubky.core.auth;
