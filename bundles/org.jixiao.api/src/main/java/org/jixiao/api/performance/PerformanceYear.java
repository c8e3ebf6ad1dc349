package org.jixiao.api.performance;

import java.util.List;
import java.util.Optional;

/** A performance year (e.g. 2013) and the step it stands at. */
public record PerformanceYear(int year, Step step, List<StepWindow> windows) {

    public PerformanceYear {
        windows = List.copyOf(windows);
    }

    public Optional<StepWindow> window(Step s) {
        return windows.stream().filter(w -> w.step() == s).findFirst();
    }
}
