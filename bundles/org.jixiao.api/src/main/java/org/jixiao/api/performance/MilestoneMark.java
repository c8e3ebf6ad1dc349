package org.jixiao.api.performance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One marking of a time node as done. Marking again replaces what counts, but every marking stays in the
 * history with who made it and when.
 */
public record MilestoneMark(LocalDate doneOn, String evidence, String doneBy, Instant doneAt) {
}
