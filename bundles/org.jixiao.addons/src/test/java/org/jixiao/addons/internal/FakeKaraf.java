package org.jixiao.addons.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.jixiao.api.project.ProjectRegistry;

/**
 * Karaf's features service as a test sees it: the features it knows (none installed unless named), and every other
 * call recorded, or failed with {@link #failure} when it is set.
 */
final class FakeKaraf {

    final List<String> calls = new ArrayList<>();
    Exception failure;
    private final List<Feature> known = new ArrayList<>();
    private final Set<String> installed;

    FakeKaraf(Set<String> installed) {
        this.installed = installed;
    }

    FakeKaraf feature(String name, String version, String description) {
        known.add((Feature) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Feature.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getVersion" -> version;
                    case "getDescription" -> description;
                    case "getBundles" -> List.of();
                    case "toString" -> name + "/" + version;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                }));
        return this;
    }

    FeaturesService service() {
        return (FeaturesService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FeaturesService.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "listFeatures":
                            return known.toArray(new Feature[0]);
                        case "isInstalled":
                            return installed.contains(((Feature) args[0]).getName());
                        case "getFeature":
                            return known.stream().filter(f -> f.getName().equals(args[0])
                                    && (args.length == 1 || f.getVersion().equals(args[1]))).findFirst().orElse(null);
                        default:
                            calls.add(method.getName() + " " + (args == null ? "" : List.of(args)));
                            if (failure != null) {
                                throw failure;
                            }
                            return null;
                    }
                });
    }

    /** The core's registry of a node where no key project runs. */
    static ProjectRegistry noProjects() {
        return (ProjectRegistry) Proxy.newProxyInstance(FakeKaraf.class.getClassLoader(),
                new Class<?>[] {ProjectRegistry.class}, (proxy, method, args) -> List.of());
    }
}
