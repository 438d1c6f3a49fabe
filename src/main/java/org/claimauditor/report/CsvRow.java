package org.claimauditor.report;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** A report row written both as a JSON object and as a CSV record; CSV columns are named like the JSON fields. */
interface CsvRow {

    /** The cells in the order of the record's components (see {@link #header}). */
    List<Object> csvCells();

    /** The CSV header: the record's component names, which are also its JSON field names. */
    static List<String> header(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
