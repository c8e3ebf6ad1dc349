package org.jixiao.itests.support;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.jixiao.itests.support.Browser.Response;

import com.google.gson.Gson;
import com.google.gson.JsonParser;

/** A project's registers through their JSON API ({@code /api/v1/p/<project>/}), as a logged-in browser writes them. */
public final class Registers {

    private static final Gson GSON = new Gson();

    private Registers() {
    }

    /** Creates a record; asserts 201 and gives its id. */
    public static long created(Browser b, String api, String register, Map<String, ?> body) throws Exception {
        Response r = b.json("POST", api + register, GSON.toJson(body), null);
        assertEquals(register + ": " + r.body(), 201, r.status());
        return id(r);
    }

    /** Takes a workflow step; asserts 200. */
    public static void step(Browser b, String api, String register, long id, String transition, Map<String, ?> body)
            throws Exception {
        Response r = b.json("POST", api + register + "/" + id + "/transitions/" + transition, GSON.toJson(body),
                null);
        assertEquals(transition + ": " + r.body(), 200, r.status());
    }

    /** The id a creation answered. */
    public static long id(Response r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsLong();
    }
}
