package org.claimauditor.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CMS/CDC ICD-10-CM order file ({@code icd10cm_order_<year>.txt}), fixed width, one code per line:
 * <pre>
 *  1-5   order number          7-13  code, no dot, left-justified
 *  15    0 = header, 1 = billable (valid for HIPAA transactions)
 *  17-76 short title (60)      78-   long title
 * </pre>
 * Unusable lines are reported and skipped, so one damaged line does not hide the rest of the year.
 */
public final class Icd10CmOrderFileReader {

    /** CMS adds nothing after the year; copies often do ("icd10cm_order_2026.excerpt.txt"). */
    private static final Pattern NAME = Pattern.compile("(?i)icd10cm[_-]order[_-](\\d{4})([._ -].*)?\\.txt");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");

    private Icd10CmOrderFileReader() { }

    /** Whether {@code fileName} (base name) is an order file name. */
    public static boolean isOrderFile(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** The fiscal year in an order file's name; the CMS name carries it, the file's rows do not. */
    public static OptionalInt fiscalYearOf(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /**
     * Reads every code of the file into {@code sink}.
     *
     * @param file       the name problems and codes are reported under
     * @param fiscalYear the fiscal year all rows belong to (see {@link #fiscalYearOf})
     * @return number of codes read
     */
    public static int read(InputStream in, String file, int fiscalYear, Consumer<IcdCode> sink,
                           List<CodeFileProblem> problems) throws IOException {
        // ISO-8859-1 maps byte n to char n, so columns stay byte columns; fields are decoded afterwards.
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        int lineNo = 0;
        int count = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String problem = check(line);
            if (problem != null) {
                problems.add(new CodeFileProblem(file, lineNo, problem));
                continue;
            }
            String shortTitle = CodeFileText.field(line, 17, 76);
            String longTitle = CodeFileText.field(line, 78, Integer.MAX_VALUE);
            sink.accept(new IcdCode(CodeFileText.field(line, 7, 13), line.charAt(14) == '1', shortTitle,
                    longTitle.isEmpty() ? shortTitle : longTitle, fiscalYear, file, lineNo));
            count++;
        }
        return count;
    }

    private static String check(String line) {
        if (line.length() < 17 || !line.substring(0, 5).matches("\\d{5}")) {
            return "not an order file line (expected 5-digit order number, code, 0/1 flag, titles): '"
                    + abbreviate(line) + "'";
        }
        String code = line.substring(6, 13).trim();
        if (!CODE.matcher(code).matches()) {
            return "'" + code + "' in columns 7-13 is not an ICD-10-CM code";
        }
        char flag = line.charAt(14);
        if (flag != '0' && flag != '1') {
            return "header/billable flag in column 15 is '" + flag + "', expected 0 or 1";
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
