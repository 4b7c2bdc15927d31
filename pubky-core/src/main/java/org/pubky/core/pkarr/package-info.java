/**
 * PKARR: DNS packets signed by an Ed25519 key and stored as BEP 44 mutable items.
 * {@link org.pubky.core.pkarr.SignedPacket} is the verified packet with its canonical bytes,
 * relay payload and BEP 44 form; {@link org.pubky.core.pkarr.SignedPacketBuilder} makes one;
 * {@link org.pubky.core.pkarr.PkarrNames} normalises names relative to the signer's key;
 * {@link org.pubky.core.pkarr.SeenPacket} adds the local {@code last_seen} time that caches
 * need; {@link org.pubky.core.pkarr.PubkyRecords} holds Pubky's record conventions
 * ({@code _pubky} pointer, homeserver endpoints).
 */
package org.pubky.core.pkarr;
