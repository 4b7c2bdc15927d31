/**
 * Bencode (BEP 3) as BEP 44 and KRPC (BEP 5) use it: a strict decoder that accepts only the
 * canonical form, a small immutable value model, and a canonical writer.
 *
 * <p>Decoding never copies byte strings: a {@link org.pubky.core.bencode.BencodeString} is a view
 * on the decoded input, so the caller must not modify the input array while the values are in
 * use (copy datagram buffers that are reused). Every decoding failure is a
 * {@link org.pubky.spi.PubkyException} with {@link org.pubky.spi.ErrorCode#INVALID_BENCODE}.
 */
package org.pubky.core.bencode;
