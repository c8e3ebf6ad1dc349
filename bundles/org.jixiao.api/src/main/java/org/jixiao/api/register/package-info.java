/**
 * The register contract. A key project declares each of its registers (the record lists of its work: youth, loans,
 * applicants, visits…) as a {@link org.jixiao.api.register.RegisterDefinition}: fields, scope, validation, children,
 * workflow, links and indicators, plus small {@link org.jixiao.api.register.RegisterHooks} for what data cannot say.
 * The register engine ({@code org.jixiao.register}, a {@link org.jixiao.api.register.RegisterService}) serves every
 * declared register: storage, pages, JSON, import and export, audit, history and running indicator totals.
 *
 * <p>A register's table is created by the project's own migration. Besides one column per field it has the engine's
 * columns: {@code ID BIGINT NOT NULL PRIMARY KEY} (a {@link org.jixiao.api.register.RecordId global id}), the unit
 * column ({@code UNIT_ID} unless the definition names another), {@code PARENT_ID} for a child register,
 * {@code STATE VARCHAR(40)} for one with a workflow, {@code CREATED_AT}, {@code CREATED_BY}, {@code UPDATED_AT},
 * {@code UPDATED_BY} (TIMESTAMP / BIGINT, not null), {@code DELETED_AT}, {@code DELETED_BY}, {@code DELETE_REASON}
 * (nullable) and {@code VERSION INTEGER NOT NULL}. A resident-ID field {@code X} takes three columns: {@code X_CIPHER}
 * (encrypted), {@code X_HASH} (keyed hash, for duplicates) and {@code X_MASK} (the last four characters only). An {@link org.jixiao.api.register.Field.Flag#ENCRYPTED encrypted} field {@code X} takes
 * two, {@code X_CIPHER} and {@code X_HASH}, and no column {@code X} (a table that had one keeps it, emptied by the
 * engine's one-time encryption, until a later migration drops it).
 */
@Export
@Version("1.5.0")
package org.jixiao.api.register;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
