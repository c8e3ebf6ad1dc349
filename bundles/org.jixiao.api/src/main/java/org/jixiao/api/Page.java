package org.jixiao.api;

import java.util.List;

/** One page of a list: the items plus what a pager needs. Pages are numbered from 1. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public int offset() {
        return (page - 1) * size;
    }
}
