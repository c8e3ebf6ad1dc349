-- Failed logins are counted per client address and attempted name, not per account: five wrong passwords from
-- one address lock that address out of that name, while the owner, elsewhere, still logs in. Unknown names are
-- counted alike, so "locked" tells nothing about which accounts exist. Rows of an address that stopped trying
-- are purged once their lock would have run out.
CREATE TABLE JX_LOGIN_FAILURE (
    CLIENT VARCHAR(100) NOT NULL,
    USERNAME_KEY VARCHAR(40) NOT NULL,
    FAILURES INTEGER NOT NULL,
    LOCKED_UNTIL TIMESTAMP,
    LAST_AT TIMESTAMP NOT NULL,
    PRIMARY KEY (CLIENT, USERNAME_KEY)
);

CREATE INDEX JX_LOGIN_FAILURE_USER_IX ON JX_LOGIN_FAILURE (USERNAME_KEY);

CREATE INDEX JX_LOGIN_FAILURE_LAST_IX ON JX_LOGIN_FAILURE (LAST_AT);

-- The fingerprint of the field-encryption key the stored encrypted values were written with, so a lost or
-- swapped key file is refused instead of silently replaced. One row, written when the key first encrypts.
CREATE TABLE JX_FIELD_KEY (
    ID INTEGER NOT NULL PRIMARY KEY,
    FINGERPRINT VARCHAR(64),
    RECORDED_AT TIMESTAMP NOT NULL
);

-- A node that already had users when this ran may hold encrypted values under a key nobody fingerprinted: its row
-- says so (no fingerprint), and its key file is then trusted once, but never replaced by a new one.
INSERT INTO JX_FIELD_KEY (ID, FINGERPRINT, RECORDED_AT)
    SELECT DISTINCT 1, CAST(NULL AS VARCHAR(64)), CURRENT_TIMESTAMP FROM JX_USER;

-- What minted a token: the SHA-256 of the minting login's secret (its browser session's, or the bearer token's),
-- so a password change can revoke the tokens other logins minted and keep those of the login that changed it.
-- Null for tokens made before: revoked by the next password change.
ALTER TABLE JX_API_TOKEN ADD COLUMN MINTED_BY VARCHAR(64);
