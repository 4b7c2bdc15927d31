/** The HTTP relay's HTTP face: {@code /inbox/{id}} (+ {@code /ack}, {@code /await}) and {@code /link/{id}}. */
package org.pubky.jaxrs.relay;
