package org.jixiao.api.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.Page;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.web.WebHandler;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The register engine, provided by {@code org.jixiao.register}. A key project returns {@link #web} from
 * {@link KeyProject#web()} and merges {@link #actualsAsOf} into its own; its custom code reads and writes records
 * through the methods here, which apply the same scope, validation, audit and running totals as the pages.
 *
 * <p>Every method checks the actor's role and scope. A record out of scope is reported as
 * {@link org.jixiao.api.NotFoundException}, a role that may not act as {@link org.jixiao.api.AccessDeniedException},
 * bad input as {@link org.jixiao.api.ValidationException} with every error at once, and then nothing is written.
 * Inputs map field names to text as a form sends it, or to values of the field's Java type.
 */
@ProviderType
public interface RegisterService {

    /**
     * The pages and JSON of the project's registers: lists, records with their history, forms, deletion with a reason,
     * workflow steps, import and export, and the project's navigation. Paths it does not know go to {@code custom}
     * (null: not found).
     */
    WebHandler web(KeyProject project, WebHandler custom);

    /** The project's {@link PublicView public views}, for requests without a login. */
    WebHandler publicWeb(KeyProject project);

    Page<RegisterRecord> list(Actor actor, KeyProject project, String register, RecordQuery query);

    RegisterRecord get(Actor actor, KeyProject project, String register, long id);

    /**
     * The titles of the live records among {@code ids} the actor reaches, by id, an {@link Field.Flag#ENCRYPTED
     * encrypted} title in clear: how a project's own page names the records its SQL found, since it cannot read an
     * encrypted name from the table. Ids out of reach, deleted or sealed are left out. In a sensitive register it is
     * audited like a list's read of the same records.
     *
     * @since 1.5
     */
    Map<Long, String> titles(Actor actor, KeyProject project, String register, Collection<Long> ids);

    /** @return the new record's id */
    long create(Actor actor, KeyProject project, String register, Map<String, ?> input);

    /**
     * Replaces the record's editable fields; a field absent from {@code input} is cleared.
     *
     * @param version the version the editor saw, or -1 to overwrite without the check
     */
    void update(Actor actor, KeyProject project, String register, long id, Map<String, ?> input, int version);

    /** Soft delete: the record leaves every list and total and stays in the table with who, when and why. */
    void delete(Actor actor, KeyProject project, String register, long id, String reason);

    /** Takes a workflow step. */
    void transition(Actor actor, KeyProject project, String register, long id, String transition,
            Map<String, ?> input, String reason);

    /** The clear value of a resident-ID field; audited, and refused to a reader who may only see the mask. */
    String reveal(Actor actor, KeyProject project, String register, long id, String field);

    /**
     * The file a {@link FieldType#FILE} field of the record holds, decrypted; every read is audited. In a
     * {@link RegisterDefinition#sensitive() sensitive} register, or from a {@link Field.Flag#PRIVATE private} field,
     * only who may change the record (or an office the register names) may read it, as with an ID number in clear.
     *
     * @throws org.jixiao.api.NotFoundException when the record is out of reach or the field holds no file
     */
    Attachment.Content attachment(Actor actor, KeyProject project, String register, long id, String field);

    /**
     * The declared {@link Aggregate indicators} of every register of the project, for each unit and as of the end of
     * {@code asOf} (at most 31 December of {@code year}), read from the running totals.
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(KeyProject project, Collection<Long> unitIds, int year,
            LocalDate asOf);

    /**
     * One read of a need-to-know record or of one of its children, in the record's access log.
     *
     * @param kind     how: {@code READ}, {@code LIST} (shown in a list), {@code BREAK_GLASS} (an office above the
     *                 record's unit, with its reason), {@code UNSEALED} (a sealed record opened, with the legal
     *                 reason), {@code REFUSED} (an attempt refused)
     * @param register the register read: the record's or a child's
     * @param readId   the record read
     * @param reason   the stated reason, or null
     * @since 1.3
     */
    record Access(java.time.Instant at, long userId, String userName, String kind, String register, long readId,
            String reason) {
    }

    /**
     * A request to open a sealed record, waiting for a second holder of an office to approve it.
     *
     * @since 1.3
     */
    record UnsealRequest(long id, String register, long recordId, long requestedBy, String requesterName,
            java.time.Instant requestedAt, String reason) {
    }

    /**
     * A named record of a {@link RegisterDefinition#breakGlass() break-glass} register read by a holder of one of its
     * offices above the record's unit (the city), with a stated reason; audited, and kept in the record's access log
     * for its own office.
     *
     * @throws org.jixiao.api.ValidationException when the reason is blank
     * @since 1.3
     */
    RegisterRecord breakGlass(Actor actor, KeyProject project, String register, long id, String reason);

    /**
     * Every read of a need-to-know record and of its children, newest first (at most 500): for an office of the
     * record's own unit, never for one that reads it by breaking the glass.
     *
     * @since 1.3
     */
    java.util.List<Access> accessLog(Actor actor, KeyProject project, String register, long id);

    /**
     * Asks to open a {@link RegisterDefinition#sealedBy() sealed} record, with the legal reason; audited. Once a
     * second holder of an office of the register approves, the requester reads the record for a day.
     *
     * @return the request's id
     * @since 1.3
     */
    long requestUnseal(Actor actor, KeyProject project, String register, long id, String reason);

    /**
     * Approves a request to open a sealed record: a holder of an office of its register who reaches the record and
     * is not the requester; audited.
     *
     * @since 1.3
     */
    void approveUnseal(Actor actor, KeyProject project, long request);

    /**
     * The open requests to open sealed records that the actor may approve, oldest first.
     *
     * @since 1.3
     */
    java.util.List<UnsealRequest> unsealRequests(Actor actor, KeyProject project);

    /**
     * A new {@link RecordId global id} for a row of {@code table}, one of the project's own tables whose {@code ID}
     * column the engine's ids fill. Ids are handed out in blocks outside the caller's transaction, so writers of one
     * table never wait for each other.
     */
    long nextId(String table);
}
