package org.pubky.dht.mainline;

/**
 * What becomes of one query we sent: exactly one method is called, once. Calls come from the
 * receive thread (response, error) or the scheduler thread (timeout, send failure) and must not
 * block.
 */
interface ResponseHandler {
    void onResponse(Response response);

    /** A KRPC error answer. */
    void onError(int code, String message);

    /** No answer in time (or the datagram could not be sent). */
    void onTimeout();
}
