package org.jixiao.federation.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test on a county node and the city node, new for each test, their brokers' journals in a folder of its own. */
abstract class NodesTest {

    @TempDir
    Path dir;
    TwoNodes nodes;

    @BeforeEach
    void start() throws Exception {
        nodes = new TwoNodes(dir);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }
}
