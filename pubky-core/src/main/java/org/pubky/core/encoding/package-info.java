/**
 * Byte-level encodings the protocol is built from: base32 alphabets, postcard varints and
 * bencode, plus canonical base64url and a strict JSON reader and writer. Every decoder here
 * throws only {@link org.pubky.spi.PubkyException} and never reads past the input it was given.
 */
package org.pubky.core.encoding;
