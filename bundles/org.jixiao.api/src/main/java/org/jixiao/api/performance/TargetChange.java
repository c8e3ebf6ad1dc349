package org.jixiao.api.performance;

import java.time.Instant;

/** One entry of a target's history: who changed it, when, from what to what, and why (required after lock). */
public record TargetChange(Instant at, String by, TargetRule before, TargetRule after, String reason) {
}
