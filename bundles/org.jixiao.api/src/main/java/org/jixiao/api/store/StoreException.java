package org.jixiao.api.store;

/**
 * A failure of the store itself (not of the caller's input); the web layer answers 500 with no detail, or 503 for a
 * {@link StoreBusyException}.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
