package org.knowledgehub.observations;

/**
 * One reason an observation is not accepted: the field of the submission it concerns (dotted for
 * the consent record, {@code consent.personalData}), the value given (null when missing) and what
 * to do about it.
 */
public record Violation(String field, String value, String message) {
}
