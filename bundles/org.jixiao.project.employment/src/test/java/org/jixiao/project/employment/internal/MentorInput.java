package org.jixiao.project.employment.internal;

/** A mentor, a pairing and an activity as a form sends them, for {@link MentorFixture}. */
final class MentorInput {

    private MentorInput() {
    }

    record Mentor(String name, String field, String employer, String county, String appointedOn, String dismissedOn,
            String dismissalReason) {
    }

    record Pairing(String youth, String pairedOn) {
    }

    record Activity(String youth, String heldOn, String content) {
    }
}
