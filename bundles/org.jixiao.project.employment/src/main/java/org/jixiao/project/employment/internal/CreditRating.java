package org.jixiao.project.employment.internal;

/** The credit rating a demonstration household was given by the rural credit cooperative, highest first. */
enum CreditRating {
    AAA,
    AA,
    A
}
