/**
 * Ed25519 keys as the protocol uses them: 32-byte seeds, 32-byte public keys written in
 * z-base-32, and pure RFC 8032 signatures (BouncyCastle's low-level implementation, which is
 * several times faster than the JDK provider for verification).
 */
package org.pubky.core.keys;
