package org.pubky.jaxrs.relay;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.pubky.core.relay.HttpRelay;
import org.pubky.core.relay.RelayMessage;
import org.pubky.jaxrs.common.PlainText;

/** Parks a request on a relay future without holding a thread, with the relay's timeout. */
final class Waiting {
    private Waiting() {
    }

    static <T> void resume(HttpRelay relay, CompletableFuture<T> future, AsyncResponse response, Duration timeout,
            Function<T, Response> onValue) {
        if (future.isDone()) {
            response.resume(onValue.apply(future.join()));
            return;
        }
        response.setTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        response.setTimeoutHandler(r -> {
            relay.cancel(future);
            r.resume(PlainText.response(408, "Request timed out"));
        });
        future.whenComplete((value, failure) -> {
            if (failure == null) {
                response.resume(onValue.apply(value));
            }
        });
    }

    static Response message(RelayMessage message) {
        Response.ResponseBuilder builder = Response.ok(message.body());
        message.contentType().ifPresent(builder::type);
        return builder.build();
    }
}
