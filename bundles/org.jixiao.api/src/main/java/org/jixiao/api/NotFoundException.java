package org.jixiao.api;

/** The thing does not exist, or exists out of the caller's scope; both answer 404. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what);
    }
}
