package org.pubky.core.homeserver.limits;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream that spends a {@link Throttle}'s budget before every write. */
public final class ThrottledOutputStream extends FilterOutputStream {
    private final Throttle throttle;

    public ThrottledOutputStream(OutputStream out, Throttle throttle) {
        super(out);
        this.throttle = throttle;
    }

    @Override
    public void write(int b) throws IOException {
        throttle.acquire(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        throttle.acquire(len);
        out.write(b, off, len);
    }
}
