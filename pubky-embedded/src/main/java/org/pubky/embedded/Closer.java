package org.pubky.embedded;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes resources in order, logging (not propagating) failures so every one gets its turn. */
final class Closer {
    private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

    private Closer() {
    }

    static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resource, e);
            }
        }
    }
}
