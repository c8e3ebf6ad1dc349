package org.jixiao.api.store;

/**
 * The store is saturated: no connection came free in time, too many callers were already waiting for one, or the
 * database gave up waiting for a lock. Nothing was written; the same request may succeed a few seconds later. The web
 * layer answers 503 with {@code Retry-After} rather than 500, and a background job tries again on its next round.
 */
public class StoreBusyException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** @param cause the database's refusal of a lock, or null when no connection came free */
    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
