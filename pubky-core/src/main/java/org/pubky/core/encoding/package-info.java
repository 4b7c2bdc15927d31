/**
 * Byte-level encodings the protocol is built from: base32 alphabets, postcard varints, canonical
 * base64url and a strict JSON reader and writer (bencode has its own package,
 * {@link org.pubky.core.bencode}). Every decoder here throws only
 * {@link org.pubky.spi.PubkyException} and never reads past the input it was given.
 */
package org.pubky.core.encoding;
