package org.jixiao.api;

/** The caller is known but lacks the role for this action; answers 403. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String what) {
        super(what);
    }
}
