package org.jixiao.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * The page as every list of the JSON API shows it: {@code items}, each as {@code shown} makes it, then
     * {@code page}, {@code size} and {@code total}.
     *
     * @since 2.3
     */
    public Map<String, Object> json(Function<? super T, ?> shown) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items.stream().map(shown).toList());
        body.put("page", page);
        body.put("size", size);
        body.put("total", total);
        return body;
    }
}
