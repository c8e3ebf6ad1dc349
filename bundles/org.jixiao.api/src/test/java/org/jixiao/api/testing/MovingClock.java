package org.jixiao.api.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A clock a test sets to a day (10:00 in its zone) and that moves on by a millisecond at each reading, so that
 * records written one after the other keep their order.
 */
public final class MovingClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public MovingClock(LocalDate day, ZoneId zone) {
        this.zone = zone;
        set(day);
    }

    public void set(LocalDate day) {
        now = day.atTime(10, 0).atZone(zone).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return this;
    }

    @Override
    public Instant instant() {
        now = now.plusMillis(1);
        return now;
    }
}
