package org.jixiao.api.performance;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Manual indicators (see {@link ManualIndicator}): city indicators for work no project records, and a county's
 * local indicators, answered with a value and evidence files.
 * <ul>
 * <li>The city's {@link org.jixiao.api.Role#TARGET_SETTER}s and {@link org.jixiao.api.Role#TARGET_APPROVER}s
 * define and withdraw city indicators while the year's targets may be set and are not yet approved.</li>
 * <li>An {@link org.jixiao.api.Role#ADMIN} or {@code TARGET_SETTER} of an evaluated unit (or of the city) defines,
 * changes and withdraws that unit's local indicators until the year is published.</li>
 * <li>Staff of a unit (or above it) answer and attach evidence until the comprehensive evaluation starts, for
 * city indicators, or the year is published, for local ones.</li>
 * <li>Everybody reads what lies in their scope; every read of a file and every change is audited.</li>
 * </ul>
 */
@ProviderType
public interface ManualIndicatorService {

    int NAME_MAX = 200;
    int UNIT_MAX = 20;
    int CLAUSE_MAX = 200;
    int NOTE_MAX = 2000;
    int FILE_NAME_MAX = 200;
    /** Largest evidence file, in bytes. */
    long FILE_SIZE_MAX = 20L * 1024 * 1024;
    /** Most evidence files per answer. */
    int FILES_MAX = 20;
    /** File name extensions accepted as evidence, lower case. */
    Set<String> FILE_TYPES = Set.copyOf(org.jixiao.api.web.FileTypes.DOCUMENTS);

    /** The year's city indicators, withdrawn ones included (marked). */
    List<ManualIndicator> cityIndicators(Actor actor, int year);

    /**
     * @throws org.jixiao.api.ValidationException bad name, unit, clause or target; targets approved or not
     *         settable now; nothing written
     * @throws org.jixiao.api.AccessDeniedException not a target setter or approver of the city
     */
    ManualIndicator defineCity(Actor actor, int year, ManualIndicatorDraft draft);

    /** The unit's local indicators, withdrawn ones included. */
    List<ManualIndicator> localIndicators(Actor actor, int year, long orgUnitId);

    ManualIndicator defineLocal(Actor actor, int year, long orgUnitId, ManualIndicatorDraft draft);

    /** Changes a local indicator's names, unit or own target; audited with the before and after. */
    ManualIndicator changeLocal(Actor actor, long indicatorId, ManualIndicatorDraft draft);

    /** Withdraws a city indicator (before the targets are approved) or a local one; answers and files stay. */
    void withdraw(Actor actor, long indicatorId);

    /** The unit's answers to every city and local indicator of the year, unanswered ones with a null value. */
    List<ManualAnswer> answers(Actor actor, int year, long orgUnitId);

    /**
     * Answers, or clears with a null value.
     *
     * @throws org.jixiao.api.ValidationException negative or malformed value, note too long, answering closed
     */
    ManualAnswer answer(Actor actor, long indicatorId, long orgUnitId, BigDecimal value, String note);

    /**
     * Stores an evidence file for the unit's answer. Reads at most {@link #FILE_SIZE_MAX} + 1 bytes.
     *
     * @throws org.jixiao.api.ValidationException empty or too large, a file type not in {@link #FILE_TYPES}, a
     *         bad name, too many files, answering closed; nothing kept
     */
    EvidenceFile attach(Actor actor, long indicatorId, long orgUnitId, String fileName, InputStream content)
            throws IOException;

    /** An evidence file and its content, for download. The caller closes the stream. */
    record Evidence(EvidenceFile file, InputStream content) {
    }

    /**
     * Opens an evidence file of a unit in the actor's scope; the read is audited.
     *
     * @throws org.jixiao.api.NotFoundException unknown, removed, or out of scope
     */
    Evidence open(Actor actor, long fileId) throws IOException;

    /** Removes an evidence file from its answer; audited. The content is kept for the audit trail. */
    void remove(Actor actor, long fileId);
}
