package org.jixiao.project.employment.internal.training;

/** What a training session teaches (the "classified" of classified training); messages {@code training.category.*}. */
public enum TrainingCategory {
    ENTREPRENEURSHIP,
    SKILLS,
    EMPLOYMENT,
    OTHER
}
