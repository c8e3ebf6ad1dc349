package org.jixiao.api.federation;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told by {@code org.jixiao.federation} after it committed copies of another node's rows here (a county applying the
 * city's org tree): a service that keeps such rows in memory reads them again.
 *
 * @since 1.2
 */
@ConsumerType
public interface Replicated {

    /** @param tables the tables whose rows changed in the transaction just committed, upper case */
    void applied(Set<String> tables);
}
