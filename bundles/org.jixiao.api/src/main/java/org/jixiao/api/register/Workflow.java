package org.jixiao.api.register;

import java.util.List;
import java.util.Objects;

/**
 * The named states of a register's records and the steps between them. A new record starts in {@code initial};
 * only a declared {@link Transition} moves it on, each kept in the record's history with who, when and why. A
 * state's label is {@code p.state.<STATE>}. Records in a state of {@code locked} cannot be edited or deleted.
 */
public record Workflow(String initial, List<String> states, List<Transition> transitions, List<String> locked) {

    public Workflow {
        Objects.requireNonNull(initial, "initial");
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        locked = locked == null ? List.of() : List.copyOf(locked);
        if (!states.contains(initial)) {
            throw new IllegalArgumentException("initial state " + initial + " is not a state");
        }
        for (Transition t : transitions) {
            if (!states.contains(t.to()) || !states.containsAll(t.from())) {
                throw new IllegalArgumentException("transition " + t.id() + " names an unknown state");
            }
        }
    }

    public java.util.Optional<Transition> transition(String id) {
        return transitions.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
