package org.jixiao.api.security;

import org.jixiao.api.Page;
import org.osgi.annotation.versioning.ProviderType;
import org.jixiao.api.Actor;

/**
 * User administration. Only admins may call the writing methods, and only for users of their own subtree;
 * an admin can never give a role or an org unit beyond their own reach.
 */
@ProviderType
public interface UserService {

    Page<User> list(Actor actor, String query, int page, int size);

    /** @throws org.jixiao.api.NotFoundException when absent or out of the actor's scope */
    User get(Actor actor, long id);

    /**
     * @return the created user
     * @throws org.jixiao.api.ValidationException on bad input (nothing written), such as a grant that no active
     *         key project declares ({@code grants})
     */
    User create(Actor actor, UserDraft draft);

    /**
     * Like {@link #create}; a grant the user already holds is kept even while its project is not active.
     *
     * @throws org.jixiao.api.ValidationException on bad input (nothing written)
     */
    User update(Actor actor, long id, UserDraft draft);

    /** Sets a new random password the user must change at next login, and returns it once. */
    String resetPassword(Actor actor, long id);

    /** Lifts a lockout after failed logins. */
    void unlock(Actor actor, long id);
}
