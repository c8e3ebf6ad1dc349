package org.jixiao.addons.internal;

import java.util.List;

/**
 * An archive or an action the node will not take, with the message key (from the bundle's messages) and arguments
 * that say why in the admin's language. Thrown before anything is installed or written.
 */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;

    Refusal(String key, Object... args) {
        super(key + " " + List.of(args));
        this.key = key;
        this.args = List.of(args);
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.toArray();
    }
}
