package org.claimauditor.ncci;

/**
 * One row of an NCCI MUE table (practitioner, outpatient hospital or DME supplier services).
 *
 * @param mai     MUE adjudication indicator 1 (line), 2 (date of service, policy) or 3 (date of service, clinical)
 * @param maiText the indicator cell as published, e.g. "2 Date of Service Edit: Policy"
 * @param line    1-based physical line in {@code file} where the row starts
 */
public record MueRow(String code, int value, int mai, String maiText, String rationale, String file, int line) { }
