package org.jixiao.federation.internal;

import java.util.ArrayList;
import java.util.List;

import org.jixiao.api.register.RecordId;

/**
 * A county node as the city knows it: the broker user it signs in with, its node number (the high bits of the ids of
 * its records), the code of its org unit, and its password.
 */
record County(String user, int node, String unitCode, String password) {

    static final String USER_PATTERN = "[a-z][a-z0-9-]{0,39}";

    County {
        if (user == null || !user.matches(USER_PATTERN)) {
            throw new IllegalArgumentException("a county user is lower-case letters, digits and '-': " + user);
        }
        if (node < 1 || node > RecordId.MAX_NODE) {
            throw new IllegalArgumentException("county " + user + ": node " + node + " out of 1.." + RecordId.MAX_NODE);
        }
        if (unitCode == null || unitCode.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("county " + user + ": unit and password are required");
        }
    }

    /** The city's address that only this county may send to: a forged sender name is impossible. */
    String inbox() {
        return Broker.INBOX_PREFIX + user;
    }

    /** The county's queue of the city's changes, at the city: only this county may consume it. */
    String downQueue() {
        return Broker.DOWN + "." + user;
    }

    /**
     * Entries {@code user,node,unit,password}, one per value or several separated by {@code ;} (a {@code .cfg} file
     * holds one string); the password is last, so it may hold commas, but no {@code ;}.
     *
     * @throws IllegalArgumentException naming the bad entry, never its password
     */
    static List<County> parse(String[] entries) {
        List<County> out = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String value : entries == null ? new String[0] : entries) {
            all.addAll(List.of(value.split(";")));
        }
        for (String e : all) {
            if (e == null || e.isBlank()) {
                continue;
            }
            String[] p = e.strip().split(",", 4);
            if (p.length < 4) {
                throw new IllegalArgumentException("a county is user,node,unit,password; got " + p[0] + ",…");
            }
            int node;
            try {
                node = Integer.parseInt(p[1].strip());
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("county " + p[0] + ": node is not a number");
            }
            out.add(new County(p[0].strip(), node, p[2].strip(), p[3]));
        }
        if (out.stream().map(County::user).distinct().count() != out.size()
                || out.stream().map(County::node).distinct().count() != out.size()) {
            throw new IllegalArgumentException("two counties share a user or a node number");
        }
        return List.copyOf(out);
    }
}
