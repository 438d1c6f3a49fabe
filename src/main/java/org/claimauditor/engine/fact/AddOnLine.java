package org.claimauditor.engine.fact;

import org.claimauditor.ncci.AddOnEdit;

import java.util.List;

/**
 * A line whose code is an add-on code on its date of service, with its edit and the patient's lines of that date
 * (every provider and claim, the line itself included) where its primary would be. Prepared in Java
 * ({@code NcciCandidates}) so the add-on rules need no join over the patient's lines.
 */
public record AddOnLine(LineFact line, AddOnEdit edit, List<LineFact> sameDay) {
    public LineFact getLine() { return line; }
    public AddOnEdit getEdit() { return edit; }
    public List<LineFact> getSameDay() { return sameDay; }
}
