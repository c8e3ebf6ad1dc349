-- What the add-ons page remembers about plugins, so that one uninstalled (its bundle gone, its data kept) still shows
-- its migrations and records and can be installed again. Portable SQL.

-- A feature installed from an uploaded archive (the shipped ones are known by name), with the archive's SHA-256.
CREATE TABLE ADDON_FEATURE (
    NAME VARCHAR(200) NOT NULL PRIMARY KEY,
    SHA256 VARCHAR(64),
    INSTALLED_AT TIMESTAMP NOT NULL
);

-- The migrations' owner (a key project's id) of a feature's bundles.
CREATE TABLE ADDON_OWNER (
    FEATURE VARCHAR(200) NOT NULL,
    OWNER VARCHAR(200) NOT NULL,
    PRIMARY KEY (FEATURE, OWNER)
);

-- The tables an owner's migrations created: where its records are.
CREATE TABLE ADDON_TABLE (
    OWNER VARCHAR(200) NOT NULL,
    TABLE_NAME VARCHAR(128) NOT NULL,
    PRIMARY KEY (OWNER, TABLE_NAME)
);
