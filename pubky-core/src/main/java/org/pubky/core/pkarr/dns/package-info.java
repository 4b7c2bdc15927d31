/**
 * The DNS message codec of PKARR packets: names, resource records with typed data for A, AAAA,
 * CNAME, NS, TXT, SVCB and HTTPS (all RFC 9460 SvcParams), opaque data for every other type, and
 * a wire encoder/decoder that matches the Rust {@code simple-dns} crate byte for byte on encode
 * and on what it accepts.
 *
 * <p>Hand-written rather than built on dnsjava: see {@code docs/protocol.md}, PKARR section, for
 * the measured differences (TTLs ≥ 2³¹, case-insensitive compression, SVCB key handling, empty
 * record data, classes) that rule dnsjava out for byte-exact interoperability.
 */
package org.pubky.core.pkarr.dns;
