package org.jixiao.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Jar;
import aQute.bnd.service.diff.Tree;
import aQute.bnd.service.diff.Type;
import aQute.bnd.version.Version;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two rules of semantic versioning that the bnd baseline check (bnd-baseline-maven-plugin, at verify) lets through,
 * checked against the same baseline, the api as last accepted (api-baseline/README.md at the root):
 * <ol>
 * <li>every package the baseline exports is still exported, at a version no lower than the baseline's. bnd judges
 * a removed package only through the bundle version, and never while that is 0.x, as ours is;</li>
 * <li>an abstract method added to a {@code @ConsumerType} interface needs a major bump of its package, since every
 * implementer breaks. bnd 7.1.0 (and 7.4.0) rates it minor when the method is declared after a default or static
 * method of the interface, as in {@code KeyProject}.</li>
 * </ol>
 * Uses bnd's own API tree of both jars, so "exported", "interface", "abstract" and "consumer type" mean what they
 * mean to the baseline check (an interface not marked {@code @ProviderType} is a consumer type).
 */
class ApiBaselineTest {

    private static final String PROVIDER_TYPE = "org.osgi.annotation.versioning.ProviderType";

    private static Tree baseline;
    private static Tree current;
    private static Parameters baselineExports;
    private static Parameters currentExports;

    @BeforeAll
    static void trees() throws Exception {
        String baselineJar = System.getProperty("jixiao.api.baseline.jar");
        String classes = System.getProperty("jixiao.api.classes");
        Assumptions.assumeTrue(baselineJar != null && classes != null,
                "run by Maven (surefire passes jixiao.api.baseline.jar and jixiao.api.classes)");
        File manifest = new File(classes, "META-INF/MANIFEST.MF");
        assertTrue(new File(baselineJar).isFile(), "the baseline jar is missing: " + baselineJar
                + " (jixiao.api.baseline.version in the api pom names a baseline that api-baseline/ does not hold)");
        assertTrue(manifest.isFile(), "bnd-process wrote no " + manifest);
        DiffPluginImpl differ = new DiffPluginImpl();
        try (Jar older = new Jar(new File(baselineJar)); Jar newer = new Jar(new File(classes))) {
            baseline = differ.tree(older);
            current = differ.tree(newer);
            baselineExports = exports(older);
            currentExports = exports(newer);
        }
    }

    @Test
    void noExportedPackageIsRemovedOrDowngraded() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Attrs> e : baselineExports.entrySet()) {
            String pkg = e.getKey();
            Version was = version(e.getValue());
            Attrs now = currentExports.get(pkg);
            if (now == null) {
                problems.add(pkg + " " + was + " is no longer exported: every bundle importing it breaks");
            } else if (version(now).compareTo(was) < 0) {
                problems.add(pkg + " went down from " + was + " to " + version(now));
            }
        }
        assertTrue(problems.isEmpty(), report(problems, "keep the package (and its version)"));
    }

    @Test
    void abstractMethodsAddedToConsumerTypesBumpTheMajorVersion() {
        List<String> problems = new ArrayList<>();
        Tree oldApi = baseline.get("<api>");
        Tree newApi = current.get("<api>");
        for (Tree oldPkg : oldApi.getChildren()) {
            Tree newPkg = newApi.get(oldPkg.getName());
            if (oldPkg.getType() != Type.PACKAGE || newPkg == null) {
                continue;
            }
            Version was = version(baselineExports.get(oldPkg.getName()));
            Version now = version(currentExports.get(oldPkg.getName()));
            if (now.getMajor() > was.getMajor()) {
                continue;
            }
            for (Tree newType : newPkg.getChildren()) {
                Tree oldType = oldPkg.get(newType.getName());
                if (newType.getType() != Type.INTERFACE || oldType == null || oldType.getType() != Type.INTERFACE
                        || (isProviderType(oldType) && isProviderType(newType))) {
                    continue;
                }
                TreeSet<String> added = new TreeSet<>();
                for (Tree method : newType.getChildren()) {
                    if (method.getType() == Type.METHOD && isAbstract(method) && oldType.get(method.getName()) == null) {
                        added.add(method.getName());
                    }
                }
                if (!added.isEmpty()) {
                    problems.add(newType.getName() + " is a consumer type (implemented by plugins) and gained abstract "
                            + String.join(", ", added) + ": package " + oldPkg.getName() + " must go from " + was
                            + " to " + new Version(was.getMajor() + 1, 0, 0) + ", not " + now
                            + " (or make the method default)");
                }
            }
        }
        assertTrue(problems.isEmpty(), report(problems, "bump the package's @Version as said"));
    }

    private static boolean isProviderType(Tree type) {
        Tree annotation = type.get(PROVIDER_TYPE);
        return annotation != null && annotation.getType() == Type.ANNOTATED;
    }

    private static boolean isAbstract(Tree method) {
        Tree access = method.get("abstract");
        return access != null && access.getType() == Type.ACCESS;
    }

    private static Parameters exports(Jar jar) throws Exception {
        return new Parameters(jar.getManifest().getMainAttributes().getValue("Export-Package"));
    }

    private static Version version(Attrs attrs) {
        return attrs == null ? Version.LOWEST : Version.parseVersion(attrs.get("version"));
    }

    private static String report(List<String> problems, String fix) {
        return "Incompatible change to the api against its baseline (api-baseline/README.md):\n  "
                + String.join("\n  ", problems) + "\nFix: " + fix
                + "; or, if the break is accepted, refresh the baseline with api-baseline/refresh.sh\n";
    }
}
