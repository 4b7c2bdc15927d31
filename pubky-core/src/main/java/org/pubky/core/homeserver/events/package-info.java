/**
 * The homeserver's event log as clients see it: the legacy public feed ({@code GET /events/}),
 * the Server-Sent Events stream ({@code GET /events-stream}) and its admin variant. Parsing and
 * validation of their query strings, the authorization of private path filters, the text formats,
 * and the live fan-out that serves many open streams from one store subscription. Transport free:
 * the HTTP layer hands in raw query strings and credentials and supplies an {@link
 * org.pubky.core.homeserver.events.EventSink} per stream.
 */
package org.pubky.core.homeserver.events;
