package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.MetadataStore;

/** {@link MetadataStore#close}: idempotent, and every later call fails with a {@link PubkyException}. */
@Timeout(60)
public interface LifecycleContract extends MetadataStoreFixture {
    @Test
    default void closeIsIdempotentAndLaterCallsFail() {
        String user = newUser();
        put(user, "/pub/f", 1);
        MetadataStore store = store();

        store.close();
        store.close();

        assertThatThrownBy(() -> store.users().find(user)).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> store.entries().find(user, "/pub/f")).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> store.entries().list(new ListQuery(user, "/", Optional.empty(), 10, false, false)))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> store.entries().put(unit(user, "/pub/g", 1))).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> store.events().lastCursor()).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> store.replays().firstUse("k", clock().instant())).isInstanceOf(PubkyException.class);
        assertThat(store.capabilities()).isNotNull();
    }
}
