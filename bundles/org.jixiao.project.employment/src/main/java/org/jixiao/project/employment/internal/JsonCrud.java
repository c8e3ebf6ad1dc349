package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthWeb.body;
import static org.jixiao.project.employment.internal.YouthWeb.id;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;
import static org.jixiao.project.employment.internal.YouthWeb.pageJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import org.jixiao.api.Page;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The JSON of one kind of record, the same in every register: {@code GET} a page of the list and {@code POST} a new
 * record at the collection; {@code GET}, {@code PUT} and {@code DELETE} one record at {@code <collection>/<id>}.
 * A created or replaced record answers as {@code GET} would; anything else is not found.
 *
 * @param <R> the record as the service reads it
 */
record JsonCrud<R>(Lister<R> list, ToLongFunction<Map<?, ?>> create, LongFunction<R> get, Updater update,
        Deleter delete, Function<R, Map<String, Object>> json) {

    @FunctionalInterface
    interface Lister<R> {
        Page<R> page();
    }

    @FunctionalInterface
    interface Updater {
        void update(long id, Map<?, ?> body);
    }

    @FunctionalInterface
    interface Deleter {
        void delete(long id);
    }

    /**
     * Answers the request when {@code path} is the collection (its first {@code depth} segments) or one record of it
     * (one segment more).
     */
    WebResult route(WebRequest r, String method, List<String> path, int depth) {
        if (path.size() == depth) {
            switch (method) {
                case "GET": {
                    Page<R> page = list.page();
                    List<Map<String, Object>> items = new ArrayList<>();
                    page.items().forEach(x -> items.add(json.apply(x)));
                    return pageJson(page, items);
                }
                case "POST": {
                    long id = create.applyAsLong(body(r));
                    return WebResult.json(json.apply(get.apply(id))).withStatus(201);
                }
                default: throw notFound(r);
            }
        }
        if (path.size() != depth + 1) {
            throw notFound(r);
        }
        long id = id(r, path.get(depth));
        switch (method) {
            case "GET":
                return WebResult.json(json.apply(get.apply(id)));
            case "PUT":
                update.update(id, body(r));
                return WebResult.json(json.apply(get.apply(id)));
            case "DELETE":
                delete.delete(id);
                return WebResult.json(Map.of("deleted", true));
            default:
                throw notFound(r);
        }
    }
}
