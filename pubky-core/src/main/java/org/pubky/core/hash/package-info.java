/**
 * Content hashes of stored files (BLAKE3-256, via BouncyCastle) and their ETag and base64 text
 * forms.
 */
package org.pubky.core.hash;
