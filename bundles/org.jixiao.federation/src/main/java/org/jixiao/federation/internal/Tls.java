package org.jixiao.federation.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;

/**
 * The TLS material of a node, PKCS#12 files: its own key and certificate, and the certificate authority it trusts. The
 * city's acceptor asks every county for a certificate the authority signed (before any user and password is checked);
 * a county's bridge checks that the city's certificate was signed by it and names the host it dialled.
 */
record Tls(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {

    Tls {
        for (Path p : new Path[] {keyStore, trustStore}) {
            if (p == null || !Files.isReadable(p)) {
                throw new IllegalArgumentException("TLS: no readable key or trust store " + p);
            }
        }
        if (keyStorePassword == null || trustStorePassword == null) {
            throw new IllegalArgumentException("TLS: the stores' passwords are required");
        }
    }

    /** From the node's settings; both stores are required, so no node listens or dials in clear text. */
    static Tls of(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {
        if (keyStore == null || keyStore.isBlank() || trustStore == null || trustStore.isBlank()) {
            throw new IllegalArgumentException("TLS: tls.keystore and tls.truststore are required");
        }
        return new Tls(Path.of(keyStore.strip()), keyStorePassword, Path.of(trustStore.strip()), trustStorePassword);
    }

    private Map<String, Object> params(String host, int port) {
        Map<String, Object> p = new HashMap<>();
        p.put(TransportConstants.HOST_PROP_NAME, host);
        p.put(TransportConstants.PORT_PROP_NAME, port);
        p.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        p.put(TransportConstants.ENABLED_PROTOCOLS_PROP_NAME, "TLSv1.3");
        p.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, "PKCS12");
        p.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, keyStore.toAbsolutePath().toString());
        p.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, keyStorePassword);
        p.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, "PKCS12");
        p.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, trustStore.toAbsolutePath().toString());
        p.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, trustStorePassword);
        return p;
    }

    /** The city's listening side: mutual TLS, core protocol only. */
    TransportConfiguration acceptor(String host, int port) {
        Map<String, Object> p = params(host, port);
        p.put(TransportConstants.NEED_CLIENT_AUTH_PROP_NAME, true);
        p.put(TransportConstants.PROTOCOLS_PROP_NAME, "CORE");
        return new TransportConfiguration(NettyAcceptorFactory.class.getName(), p, "tls");
    }

    /** A county's way to the city, {@code tcp://host:port}; the city's certificate must name that host. */
    TransportConfiguration connector(String cityUrl) {
        URI uri;
        try {
            uri = URI.create(cityUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("city address " + cityUrl, e);
        }
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("the city's address is tcp://host:port, not " + cityUrl);
        }
        Map<String, Object> p = params(uri.getHost(), uri.getPort());
        p.put(TransportConstants.VERIFY_HOST_PROP_NAME, true);
        return new TransportConfiguration(NettyConnectorFactory.class.getName(), p, "city");
    }
}
