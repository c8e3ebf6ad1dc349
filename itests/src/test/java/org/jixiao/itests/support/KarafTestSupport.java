package org.jixiao.itests.support;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Boots the distribution this build produced (not one from a repository) with its own ports and its own
 * data folder.
 * <p>
 * A boot takes 20-40 s on the build machine, so the classes share one: they are {@code PerSuite}, and every class
 * of one failsafe run (one JVM) runs against the node the first one booted (the pom says which classes share a
 * run). A class therefore finds other classes' units, users, years and records: it makes its own (unit codes,
 * usernames and years no other class uses) and asserts on those, never on the node being empty. A class that
 * changes the node for the classes after it (updates a bundle with a migration of its own, installs a key project,
 * leaves one failed) runs in a failsafe run apart.
 */
public abstract class KarafTestSupport {

    @Configuration
    public Option[] config() throws IOException {
        String distribution = System.getProperty("jixiao.distribution");
        File itDir = new File(System.getProperty("jixiao.itest.dir", "target/it"));
        // Only the first class's configuration boots the node; the folder carries that class's name.
        File data = new File(itDir, "data-" + getClass().getSimpleName() + "-" + System.currentTimeMillis());
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl("file:" + distribution).name("Jixiao")
                    .unpackDirectory(new File(itDir, "exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            // Kept under target/it/exam so a failure's karaf.log can be read; `mvn clean` removes it.
            keepRuntimeFolder(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepository),
            systemProperty("jixiao.data").value(data.getAbsolutePath()),
            // Where the tests that drive a real browser find its scripts, and where they leave what it saw.
            systemProperty("jixiao.root").value(new File(System.getProperty("jixiao.root", "..")).getAbsolutePath()),
            systemProperty("jixiao.itest.dir").value(itDir.getAbsolutePath()),
            // Inside the container the probe waits this long for Pax Exam's invoker (default 10 s). With five
            // builds on two cores the invoker came later, the probe gave up and every test of the class failed.
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
            // And the invoker as long for the injector, which Pax Exam's inject bundle registers after every boot
            // feature has started (default 10 s): with three key projects migrating on a loaded machine it gave up
            // ("gave up waiting for service org.ops4j.pax.exam.util.Injector") and the class hung.
            systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                    .value("120000"),
        };
    }

    /** The HTTP port is read back inside the container from the configuration the options wrote. */
    @Before
    public void awaitNode() throws Exception {
        System.setProperty("jixiao.itest.port", httpPort());
        Node.awaitReady();
    }

    private static String httpPort() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = new java.io.FileInputStream(System.getProperty("karaf.etc") + "/org.ops4j.pax.web.cfg")) {
            p.load(in);
        }
        return p.getProperty("org.osgi.service.http.port").trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
