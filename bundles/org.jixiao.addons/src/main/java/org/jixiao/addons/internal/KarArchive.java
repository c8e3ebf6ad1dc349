package org.jixiao.addons.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A Karaf archive (.kar): a zip whose {@code repository/} folder is a Maven repository holding one or more features
 * descriptors and the bundles they name. Read only once {@link SignedArchive} accepted it.
 */
public record KarArchive(List<String> descriptors, List<Feature> features, List<BundleJar> bundles) {

    static final String REPOSITORY = "repository/";

    /** A feature of the archive, with the locations of its own bundles (its dependencies are not the plugin). */
    public record Feature(String name, String version, List<String> bundles) {
    }

    static KarArchive read(Path file, String language) {
        List<String> descriptors = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        Map<String, byte[]> jars = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (e.isDirectory() || !name.startsWith(REPOSITORY)) {
                    continue;
                }
                if (name.endsWith(".xml")) {
                    List<Feature> found = features(zip, e);
                    if (found != null) {
                        descriptors.add(name);
                        features.addAll(found);
                    }
                } else if (name.endsWith(".jar")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        jars.put(name.substring(REPOSITORY.length()), in.readAllBytes());
                    }
                }
            }
            if (features.isEmpty()) {
                throw new Refusal("addons.refused.noFeatures");
            }
            List<BundleJar> bundles = new ArrayList<>();
            for (Feature f : features) {
                for (String location : f.bundles()) {
                    byte[] jar = jars.get(repositoryPath(location));
                    if (jar != null && bundles.stream().noneMatch(b -> b.location().equals(location))) {
                        bundles.add(BundleJar.read(location, jar, language));
                    }
                }
            }
            return new KarArchive(List.copyOf(descriptors), List.copyOf(features), List.copyOf(bundles));
        } catch (IOException e) {
            throw new Refusal("addons.refused.notArchive");
        }
    }

    /**
     * Where a bundle named {@code mvn:group/artifact/version[/type[/classifier]]} lies in a Maven repository; null
     * for any other kind of location (a bundle the node must already have).
     */
    static String repositoryPath(String location) {
        String url = location.trim();
        if (url.startsWith("wrap:")) {
            return null;
        }
        if (!url.startsWith("mvn:")) {
            return null;
        }
        String[] parts = url.substring(4).split("/");
        if (parts.length < 3) {
            return null;
        }
        String type = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "jar";
        String classifier = parts.length > 4 && !parts[4].isEmpty() ? "-" + parts[4] : "";
        return parts[0].replace('.', '/') + "/" + parts[1] + "/" + parts[2] + "/" + parts[1] + "-" + parts[2]
                + classifier + "." + type;
    }

    /** The features of a descriptor; null when the XML is no features descriptor. */
    private static List<Feature> features(ZipFile zip, ZipEntry entry) throws IOException {
        Document doc;
        try (InputStream in = zip.getInputStream(entry)) {
            doc = parser().parse(new ByteArrayInputStream(in.readAllBytes()));
        } catch (SAXException | ParserConfigurationException e) {
            return null;
        }
        Element root = doc.getDocumentElement();
        if (!"features".equals(root.getLocalName())) {
            return null;
        }
        List<Feature> out = new ArrayList<>();
        for (Element f : children(root, "feature")) {
            List<String> bundles = new ArrayList<>();
            for (Element b : children(f, "bundle")) {
                if (!"true".equals(b.getAttribute("dependency"))) {
                    bundles.add(b.getTextContent().trim());
                }
            }
            String version = f.getAttribute("version");
            out.add(new Feature(f.getAttribute("name"), version.isEmpty() ? "0.0.0" : version, List.copyOf(bundles)));
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** A namespace-aware parser that reads no DTD and no external entity: the archive comes from outside. */
    private static javax.xml.parsers.DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    /**
     * Copies the archive's repository into {@code target} (a folder of Karaf's {@code kar} repository, where the
     * features service finds the bundles the descriptors name) and returns the descriptors' URIs there.
     */
    static List<java.net.URI> extract(Path file, Path target) throws IOException {
        List<java.net.URI> descriptors = new ArrayList<>();
        List<Path> extracted = new ArrayList<>();
        KarArchive kar = read(file, "en");
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.isDirectory() || !e.getName().startsWith(REPOSITORY)) {
                    continue;
                }
                Path out = root.resolve(e.getName().substring(REPOSITORY.length())).normalize();
                if (!out.startsWith(root)) {
                    // A "../" entry would write outside the repository.
                    throw new Refusal("addons.refused.notArchive");
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (kar.descriptors().contains(e.getName())) {
                    extracted.add(out);
                }
            }
        }
        // Once every bundle is out, whatever the order of the entries.
        for (Path descriptor : extracted) {
            descriptors.add(localDescriptor(descriptor, root));
        }
        return descriptors;
    }

    /**
     * A copy of an extracted descriptor whose bundles point at their files in {@code root}: the features service then
     * installs exactly the bytes that were verified, whatever Maven repositories the node is configured with (a node
     * without Internet, a read-only {@code system/}).
     */
    private static java.net.URI localDescriptor(Path descriptor, Path root) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(descriptor)) {
            doc = parser().parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("descriptor " + descriptor, e);
        }
        for (Element f : children(doc.getDocumentElement(), "feature")) {
            for (Element b : children(f, "bundle")) {
                String path = repositoryPath(b.getTextContent());
                if (path != null && Files.isRegularFile(root.resolve(path))) {
                    b.setTextContent(root.resolve(path).toUri().toString());
                }
            }
        }
        Path local = descriptor.resolveSibling(descriptor.getFileName().toString().replaceAll("\\.xml$", "")
                + "-node.xml");
        try (var out = Files.newOutputStream(local)) {
            javax.xml.transform.TransformerFactory tf = javax.xml.transform.TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.newTransformer().transform(new javax.xml.transform.dom.DOMSource(doc),
                    new javax.xml.transform.stream.StreamResult(out));
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("descriptor " + local, e);
        }
        return local.toUri();
    }
}
