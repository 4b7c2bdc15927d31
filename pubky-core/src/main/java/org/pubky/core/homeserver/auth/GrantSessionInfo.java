package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.pubky.core.encoding.JsonWriter;

/**
 * What {@code POST}/{@code GET /auth/grant/session} report about a grant session; times in Unix
 * seconds.
 */
public record GrantSessionInfo(String homeserver, String pubky, String clientId, List<String> capabilities,
        String grantId, long tokenExpiresAt, long grantExpiresAt, long createdAt) {
    public GrantSessionInfo {
        requireNonNull(homeserver, "homeserver is null");
        requireNonNull(pubky, "pubky is null");
        requireNonNull(clientId, "clientId is null");
        capabilities = List.copyOf(capabilities);
        requireNonNull(grantId, "grantId is null");
    }

    /** Writes the session object (the value of {@code "session"}, or the whole GET answer). */
    public void writeTo(JsonWriter json) {
        json.beginObject()
                .name("homeserver").value(homeserver)
                .name("pubky").value(pubky)
                .name("client_id").value(clientId)
                .name("capabilities").beginArray();
        capabilities.forEach(json::value);
        json.endArray()
                .name("grant_id").value(grantId)
                .name("token_expires_at").value(tokenExpiresAt)
                .name("grant_expires_at").value(grantExpiresAt)
                .name("created_at").value(createdAt)
                .endObject();
    }

    /** The JSON of this object alone. */
    public String toJson() {
        JsonWriter json = new JsonWriter();
        writeTo(json);
        return json.toString();
    }
}
