package org.jixiao.api.store;

/** A schema migration could not be applied, or an applied one was edited afterwards. */
public class MigrationException extends StoreException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    public MigrationException(String message) {
        super(message);
    }
}
