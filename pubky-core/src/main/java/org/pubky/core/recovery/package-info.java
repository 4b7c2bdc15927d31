/**
 * Recovery files: a user's secret key encrypted under a passphrase (Argon2id +
 * XSalsa20-Poly1305), byte-compatible with the reference's {@code recovery_file} module.
 */
package org.pubky.core.recovery;
