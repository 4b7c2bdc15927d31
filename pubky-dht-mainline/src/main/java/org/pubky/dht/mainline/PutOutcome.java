package org.pubky.dht.mainline;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;
import org.pubky.dht.mainline.krpc.KrpcError;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * What a store operation ({@code put} or {@code announce_peer} to the closest nodes) achieved.
 *
 * @param target where the item was stored
 * @param storedAt how many nodes confirmed
 * @param errors KRPC error codes received, with how many nodes sent each
 * @param timeouts how many nodes did not answer
 */
public record PutOutcome(NodeId target, int storedAt, Map<Integer, Integer> errors, int timeouts) {
    public PutOutcome {
        requireNonNull(target, "target is null");
        errors = Map.copyOf(errors);
    }

    /**
     * The verdict on a finished store: a {@link PutOutcome} if it counts as success, else the
     * failure to report. Rules (those of the Rust node): if more than half of the nodes that
     * answered sent the same 302 (or 301), the network holds a more recent (or different) item:
     * {@link ErrorCode#NOT_MOST_RECENT} (or {@link ErrorCode#CONFLICT}); otherwise one
     * confirmation is success; with none, the most common error decides, and silence is
     * {@link ErrorCode#TIMEOUT}.
     */
    static PutOutcome decide(NodeId target, int stored, Map<Integer, Integer> errors, int timeouts) {
        int answered = stored + errors.values().stream().mapToInt(Integer::intValue).sum();
        int seqTooLow = errors.getOrDefault(KrpcError.SEQ_TOO_LOW, 0);
        int casMismatch = errors.getOrDefault(KrpcError.CAS_MISMATCH, 0);
        if (answered > 0 && seqTooLow * 2 > answered) {
            throw failure(KrpcError.SEQ_TOO_LOW, seqTooLow, answered);
        }
        if (answered > 0 && casMismatch * 2 > answered) {
            throw failure(KrpcError.CAS_MISMATCH, casMismatch, answered);
        }
        if (stored > 0) {
            return new PutOutcome(target, stored, new TreeMap<>(errors), timeouts);
        }
        if (answered == 0) {
            throw new PubkyException(ErrorCode.TIMEOUT, "no DHT node answered the store request (" + timeouts + " asked)");
        }
        int code = errors.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        throw failure(code, errors.get(code), answered);
    }

    private static PubkyException failure(int code, int count, int answered) {
        String detail = count + " of " + answered + " DHT nodes answered " + code + " " + KrpcError.message(code);
        return new PubkyException(errorCode(code), detail);
    }

    /** The {@link ErrorCode} a KRPC error code maps to. */
    static ErrorCode errorCode(int krpcCode) {
        return switch (krpcCode) {
            case KrpcError.SEQ_TOO_LOW -> ErrorCode.NOT_MOST_RECENT;
            case KrpcError.CAS_MISMATCH -> ErrorCode.CONFLICT;
            case KrpcError.VALUE_TOO_BIG -> ErrorCode.PAYLOAD_TOO_LARGE;
            case KrpcError.INVALID_SIGNATURE -> ErrorCode.INVALID_SIGNATURE;
            case KrpcError.SALT_TOO_BIG, KrpcError.PROTOCOL -> ErrorCode.MALFORMED_INPUT;
            default -> ErrorCode.UNAVAILABLE;
        };
    }
}
