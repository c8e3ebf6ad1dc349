package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One refresh: a year and its March or September window, open from the first to the last day of the month. The
 * windows are fixed by policy; moving a time node's due day on the core's time-node page does not move them.
 */
record RefreshWindow(int year, RefreshPeriod period) implements Comparable<RefreshWindow> {

    private static final Comparator<RefreshWindow> ORDER = Comparator.comparingInt(RefreshWindow::year)
            .thenComparing(RefreshWindow::period);

    LocalDate opens() {
        return LocalDate.of(year, period.month(), 1);
    }

    LocalDate closes() {
        return YearMonth.of(year, period.month()).atEndOfMonth();
    }

    boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opens()) && !day.isAfter(closes());
    }

    /** The refresh before this one. */
    RefreshWindow previous() {
        return period == RefreshPeriod.SEPTEMBER ? new RefreshWindow(year, RefreshPeriod.MARCH)
                : new RefreshWindow(year - 1, RefreshPeriod.SEPTEMBER);
    }

    /** The window open on {@code day}, if any. */
    static Optional<RefreshWindow> openOn(LocalDate day) {
        for (RefreshPeriod p : RefreshPeriod.values()) {
            RefreshWindow w = new RefreshWindow(day.getYear(), p);
            if (w.isOpenOn(day)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** The newest window that has opened by {@code day}: the open one, else the last one that closed. */
    static RefreshWindow latestBy(LocalDate day) {
        int month = day.getMonthValue();
        if (month >= RefreshPeriod.SEPTEMBER.month().getValue()) {
            return new RefreshWindow(day.getYear(), RefreshPeriod.SEPTEMBER);
        }
        if (month >= RefreshPeriod.MARCH.month().getValue()) {
            return new RefreshWindow(day.getYear(), RefreshPeriod.MARCH);
        }
        return new RefreshWindow(day.getYear() - 1, RefreshPeriod.SEPTEMBER);
    }

    /** {@code count} windows back from the newest opened by {@code day}, newest first: what a picker offers. */
    static List<RefreshWindow> recent(LocalDate day, int count) {
        List<RefreshWindow> out = new ArrayList<>();
        RefreshWindow w = latestBy(day);
        for (int i = 0; i < count; i++) {
            out.add(w);
            w = w.previous();
        }
        return out;
    }

    @Override
    public int compareTo(RefreshWindow other) {
        return ORDER.compare(this, other);
    }
}
