package org.jixiao.api.register;

/**
 * Record ids that stay unique across nodes: a county node's records are replicated to the city node, where they must
 * not collide with the city's own or another county's. An id is {@code node << 40 | sequence}: the node's number
 * (0 for the city or a standalone node, 1–4095 for county nodes) and a per-node sequence of 2^40.
 *
 * <p>Why not a UUID: the ids stay BIGINT, so a reference is one 8-byte index probe and records made before the
 * engine keep their ids (they are node 0's); they sort by creation within a node; and they stay below 2^53, so a
 * JavaScript client reading the JSON never rounds them.
 */
public final class RecordId {

    public static final int NODE_BITS = 12;
    public static final int SEQUENCE_BITS = 40;
    public static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    public static final int MAX_NODE = (1 << NODE_BITS) - 1;

    private RecordId() {
    }

    public static long of(int node, long sequence) {
        if (node < 0 || node > MAX_NODE) {
            throw new IllegalArgumentException("node " + node + " out of 0.." + MAX_NODE);
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence " + sequence + " out of range");
        }
        return (long) node << SEQUENCE_BITS | sequence;
    }

    /** The node that created the record. */
    public static int node(long id) {
        return (int) (id >>> SEQUENCE_BITS);
    }

    public static long sequence(long id) {
        return id & MAX_SEQUENCE;
    }
}
