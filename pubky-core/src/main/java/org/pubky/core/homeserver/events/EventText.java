package org.pubky.core.homeserver.events;

import java.util.Base64;
import java.util.List;
import org.pubky.spi.storage.Event;

/**
 * The text forms of events, byte for byte as the reference writes them.
 *
 * <ul>
 *   <li>Feed line: {@code PUT pubky://<z32><path>} or {@code DEL pubky://<z32><path>}; a page is
 *       its lines then {@code cursor: <last id>}, joined by {@code \n} without a trailing newline,
 *       and empty without events.
 *   <li>Stream message: event name {@code PUT}/{@code DEL} and the data lines
 *       {@code pubky://<z32><path>}, {@code cursor: <id>} and, for PUT,
 *       {@code content_hash: <standard base64 of the BLAKE3 hash, padded>} (the ETag without
 *       quotes). On the wire: {@code event: PUT\ndata: …\ndata: cursor: 7\ndata: content_hash: …\n\n},
 *       never an {@code id:} field.
 * </ul>
 */
public final class EventText {
    private EventText() {
    }

    /** {@code pubky://<z32><path>}. */
    public static String uri(Event event) {
        return "pubky://" + event.user() + event.path();
    }

    /** The body of a feed page. */
    public static String feedPage(List<Event> events) {
        if (events.isEmpty()) {
            return "";
        }
        StringBuilder body = new StringBuilder(events.size() * 100);
        for (Event event : events) {
            body.append(event.type().name()).append(" pubky://").append(event.user()).append(event.path()).append('\n');
        }
        return body.append("cursor: ").append(events.get(events.size() - 1).cursor()).toString();
    }

    /** The event name of a stream message: {@code PUT} or {@code DEL}. */
    public static String name(Event event) {
        return event.type().name();
    }

    /** The data of a stream message, its lines joined by {@code \n}. */
    public static String data(Event event) {
        StringBuilder data = new StringBuilder(160).append("pubky://").append(event.user()).append(event.path())
                .append("\ncursor: ").append(event.cursor());
        event.contentHash().ifPresent(hash -> data.append("\ncontent_hash: ").append(Base64.getEncoder().encodeToString(hash)));
        return data.toString();
    }

    /** The complete wire form of a stream message (what an {@link EventSink} must produce). */
    public static String message(Event event) {
        return "event: " + name(event) + "\ndata: " + data(event).replace("\n", "\ndata: ") + "\n\n";
    }
}
