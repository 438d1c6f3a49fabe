package org.claimauditor.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for tests: records end with CRLF, quoted fields may hold commas, CRLF/LF and
 * doubled quotes, and anything else (a bare LF between records, text after a closing quote) is an error.
 */
final class Rfc4180 {

    private Rfc4180() { }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean fieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field at " + i);
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after closing quote at " + i);
                }
                fieldStart = false;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= n || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("CR without LF at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                fieldStart = true;
                i += 2;
            } else if (c == '\n') {
                throw new IllegalArgumentException("bare LF outside quotes at " + i);
            } else if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            } else {
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (!fieldStart || !record.isEmpty() || field.length() > 0) {
            throw new IllegalArgumentException("last record does not end with CRLF");
        }
        return records;
    }
}
