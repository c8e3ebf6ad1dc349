package org.jixiao.api.performance;

import java.util.List;

/**
 * Why something cannot be changed now, for the page to say: a message key with its arguments, and the
 * message key of who can unlock it.
 */
public record Lock(String reasonKey, List<Object> args, String unlockKey) {

    public Lock {
        args = List.copyOf(args);
    }
}
