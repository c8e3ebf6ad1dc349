package org.jixiao.federation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * The broker's users: each county its own, and the node itself (its relay or receiver, in-VM). Kept in memory from
 * the node's settings, not in JAAS: a JAAS login module is loaded by class name, which inside OSGi depends on the
 * thread's class loader, and there is nothing to look up here that a map does not hold.
 */
final class NodeSecurity implements ActiveMQSecurityManager {

    record User(String password, String role) {
    }

    private final Map<String, User> users;

    NodeSecurity(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    @Override
    public boolean validateUser(String user, String password) {
        User u = user == null ? null : users.get(user);
        return u != null && password != null && MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        if (!validateUser(user, password)) {
            return false;
        }
        String mine = users.get(user).role();
        return roles.stream().anyMatch(r -> r.getName().equals(mine) && checkType.hasRole(r));
    }
}
