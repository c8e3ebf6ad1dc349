package org.jixiao.project.employment.internal;

/** What a training session teaches (the "classified" of classified training); messages {@code training.category.*}. */
enum TrainingCategory {
    ENTREPRENEURSHIP,
    SKILLS,
    EMPLOYMENT,
    OTHER
}
