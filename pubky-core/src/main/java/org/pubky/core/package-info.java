/**
 * The protocol core: codecs for keys, paths, capabilities, tokens and PKARR packets, and (later) the homeserver, PKARR and Homegate services. Framework-free: no HTTP server and no dependency injection.
 */
package org.pubky.core;
