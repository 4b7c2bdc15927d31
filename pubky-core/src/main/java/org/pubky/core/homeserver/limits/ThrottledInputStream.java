package org.pubky.core.homeserver.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that spends a {@link Throttle}'s budget for every byte it delivers. */
public final class ThrottledInputStream extends FilterInputStream {
    private final Throttle throttle;

    public ThrottledInputStream(InputStream in, Throttle throttle) {
        super(in);
        this.throttle = throttle;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            throttle.acquire(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            throttle.acquire(n);
        }
        return n;
    }
}
