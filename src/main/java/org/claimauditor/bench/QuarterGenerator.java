package org.claimauditor.bench;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Writes a full-size <b>synthetic</b> NCCI quarter (2026 Q1) in the official CMS layouts, for benchmarks:
 * practitioner and outpatient hospital PTP tables split into four part files each
 * ({@code ccipra-v320r0-f1..f4.txt}, {@code ccioph-v320r0-f1..f4.txt}: NCCI 32.0, January to March 2026), the three MUE tables
 * ({@code MCR_MUE_*_Eff_01-01-2026.csv}) and the add-on code workbook ({@code AOC_V2026Q1-MCR.xlsx}).
 * {@link org.claimauditor.ncci.NcciLoader} reads the folder unchanged; the first line (or cell) of every file
 * says the data is synthetic.
 *
 * <p>Codes come from a universe of {@value #CODE_COUNT} code-shaped strings (5-digit CPT 10000-99199 plus the
 * E/M codes 99202-99215, Category III {@code 0nnnT}, PLA {@code 0nnnU}, HCPCS Level II {@code A0000-V9999}). A
 * tenth of them are kept out of every PTP pair and the add-on table ("clean" codes), so a claim generator can
 * build claims that hit no edit. Everything is deterministic for a seed ({@link SplittableRandom}); the PTP
 * files are written as raw ASCII bytes, ~1.8 million rows in a few seconds.
 */
public final class QuarterGenerator {

    /** Rows per table. {@code mueCodes} sizes the practitioner and hospital MUE tables; DME gets a sixth (HCPCS only). */
    public record Size(int ptpPractitionerRows, int ptpHospitalRows, int mueCodes, int aocRows) {
        /** A real quarter's size: ~1.8 million PTP rows, 15,000 MUE codes, 9,000 add-on rows. */
        public static final Size FULL = new Size(1_000_000, 800_000, 15_000, 9_000);
        /** Small enough for a unit test (well under a second). */
        public static final Size SMOKE = new Size(20_000, 10_000, 2_000, 500);

        public Size {
            if (ptpPractitionerRows < 0 || ptpHospitalRows < 0 || mueCodes < 0 || aocRows < 0) {
                throw new IllegalArgumentException("sizes must not be negative: " + this);
            }
        }
    }

    public static final String PTP_VERSION = "v320r0"; // NCCI 32.0 = January to March 2026, the quarter of the claims
    public static final int PTP_PARTS = 4;
    public static final String MUE_EFFECTIVE = "01-01-2026";
    public static final String AOC_FILE = "AOC_V2026Q1-MCR.xlsx";
    public static final LocalDate QUARTER_START = LocalDate.of(2026, 1, 1);
    public static final LocalDate QUARTER_END = LocalDate.of(2026, 3, 31);
    /** Codes in the universe. */
    public static final int CODE_COUNT = 20_000;
    /** PTP pairs sampled into {@link Universe#ptpPairs()} (fewer when fewer edits qualify). */
    public static final int PTP_SAMPLE_SIZE = 50_000;
    public static final List<String> EM_CODES = List.of(
            "99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215");

    private static final int HCPCS_CODES = 3_500;
    private static final int CAT3_CODES = 700;
    private static final int PLA_CODES = 500;
    private static final String HCPCS_LETTERS = "ABCEGHJKLMPQRSV";
    private static final double CLEAN_SHARE = 0.10;

    private static final byte ROLE_OTHER = 0;
    private static final byte ROLE_EM = 1;
    private static final byte ROLE_CLEAN = 2;
    private static final byte ROLE_ADD_ON = 3;

    /** PTP rationales as CMS words them, with weights per 1000 rows. */
    private static final String[] PTP_RATIONALES = {
        "Misuse of column two code with column one code",
        "Standards of medical / surgical services",
        "CPT Manual or CMS manual coding instruction",
        "Mutually exclusive procedures",
        "More extensive procedure",
        "HCPCS/CPT procedure code definition",
        "Laboratory panel",
        "Anesthesia service included in surgical procedure",
        "CPT separate procedure definition",
        "Sequential procedure",
        "Gender-specific procedures",
    };
    private static final int[] PTP_RATIONALE_WEIGHTS = {330, 250, 150, 80, 60, 40, 30, 25, 20, 10, 5};

    private static final String[] MUE_RATIONALES = {
        "Clinical: Data", "Anatomic Consideration", "Code Descriptor / CPT Instruction", "Nature of Service/Procedure",
        "CMS Policy", "Nature of Analyte", "Clinical: CMS Workgroup", "Prescribing Information",
        "Published Contractor Policy", "Nature of Equipment",
    };
    private static final int[] MUE_RATIONALE_WEIGHTS = {300, 150, 150, 120, 80, 60, 50, 40, 30, 20};
    private static final String[] MAI_TEXT = {
        null, "1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical"};

    private static final String CONTRACTOR_DEFINED = "CCCCC";
    private static final String CONTRACTOR_NOTE = "Contractor Defined Primary Codes";

    private QuarterGenerator() { }

    public static String ptpFileName(boolean practitioner, int part) {
        return (practitioner ? "ccipra-" : "ccioph-") + PTP_VERSION + "-f" + part + ".txt";
    }

    /** {@code setting} is PractitionerServices, OutpatientHospitalServices or DMESupplierServices. */
    public static String mueFileName(String setting) {
        return "MCR_MUE_" + setting + "_Eff_" + MUE_EFFECTIVE + ".csv";
    }

    /** Codes in the DME supplier MUE table for a size: a sixth of {@code mueCodes}, HCPCS codes only. */
    public static int dmeMueCodes(Size size) {
        return Math.min(size.mueCodes() / 6, HCPCS_CODES);
    }

    /**
     * Writes the quarter into {@code dir} (created if needed; files of the same names are replaced, other files
     * are left alone) and returns what a claim generator needs to know about it.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static Universe generate(Path dir, long seed, Size size) {
        try {
            Files.createDirectories(dir);
            // a folder written by an older build may hold files under other version names: they would load as a
            // second quarter beside this one
            try (var old = Files.list(dir)) {
                for (Path f : old.filter(QuarterGenerator::isNcciFile).toList()) {
                    Files.delete(f);
                }
            }
            return new Run(dir, seed, size).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic NCCI quarter to " + dir, e);
        }
    }

    private static boolean isNcciFile(Path f) {
        String n = f.getFileName().toString();
        return Files.isRegularFile(f) && (n.startsWith("ccipra-") || n.startsWith("ccioph-") || n.startsWith("MCR_MUE_")
                || n.startsWith("AOC_"));
    }

    /** One generation; the random streams are split from the seed in a fixed order. */
    private static final class Run {
        private final Path dir;
        private final long seed;
        private final Size size;
        private final SplittableRandom codeRng;
        private final SplittableRandom roleRng;
        private final SplittableRandom aocRng;
        private final SplittableRandom ptpPraRng;
        private final SplittableRandom ptpHospRng;
        private final SplittableRandom sampleRng;
        private final SplittableRandom mueRng;
        private String[] codes;
        private byte[][] codeBytes;
        private byte[] role;

        Run(Path dir, long seed, Size size) {
            this.dir = dir;
            this.seed = seed;
            this.size = size;
            SplittableRandom master = new SplittableRandom(seed);
            codeRng = master.split();
            roleRng = master.split();
            aocRng = master.split();
            ptpPraRng = master.split();
            ptpHospRng = master.split();
            sampleRng = master.split();
            mueRng = master.split();
        }

        Universe run() throws IOException {
            buildCodes();
            assignRoles();
            Aoc aoc = writeAoc();
            List<Universe.PtpPair> sample = writePtp(true, size.ptpPractitionerRows(), ptpPraRng, PTP_SAMPLE_SIZE);
            writePtp(false, size.ptpHospitalRows(), ptpHospRng, 0);
            Map<String, Universe.Mue> mue = writeMue();
            List<String> clean = new ArrayList<>();
            List<String> addOns = new ArrayList<>();
            for (int i = 0; i < codes.length; i++) {
                if (role[i] == ROLE_CLEAN) {
                    clean.add(codes[i]);
                } else if (role[i] == ROLE_ADD_ON) {
                    addOns.add(codes[i]);
                }
            }
            return new Universe(seed, List.of(codes), List.copyOf(sample), Collections.unmodifiableMap(mue),
                    Collections.unmodifiableMap(aoc.primaries), List.copyOf(aoc.type2), List.copyOf(addOns),
                    List.copyOf(clean));
        }

        // ---------------------------------------------------------------- code universe

        private void buildCodes() {
            Set<String> set = new TreeSet<>(EM_CODES);
            int cpt = CODE_COUNT - EM_CODES.size() - HCPCS_CODES - CAT3_CODES - PLA_CODES;
            addRandom(set, cpt, () -> Integer.toString(10_000 + codeRng.nextInt(99_200 - 10_000)));
            addRandom(set, CAT3_CODES, () -> pad4(1 + codeRng.nextInt(999)) + "T");
            addRandom(set, PLA_CODES, () -> pad4(1 + codeRng.nextInt(999)) + "U");
            addRandom(set, HCPCS_CODES, () -> HCPCS_LETTERS.charAt(codeRng.nextInt(HCPCS_LETTERS.length()))
                    + pad4(codeRng.nextInt(10_000)));
            codes = set.toArray(new String[0]);
            codeBytes = new byte[codes.length][];
            for (int i = 0; i < codes.length; i++) {
                codeBytes[i] = codes[i].getBytes(StandardCharsets.US_ASCII);
            }
        }

        private static void addRandom(Set<String> set, int n, java.util.function.Supplier<String> next) {
            int target = set.size() + n;
            while (set.size() < target) {
                set.add(next.get());
            }
        }

        private void assignRoles() {
            role = new byte[codes.length];
            Set<String> em = new HashSet<>(EM_CODES);
            for (int i = 0; i < codes.length; i++) {
                if (em.contains(codes[i])) {
                    role[i] = ROLE_EM;
                } else if (roleRng.nextDouble() < CLEAN_SHARE) {
                    role[i] = ROLE_CLEAN;
                }
            }
        }

        private boolean isHcpcs(int i) {
            return Character.isLetter(codes[i].charAt(0));
        }

        // ---------------------------------------------------------------- add-on codes (AOC)

        /** What the universe keeps of the AOC table. */
        private static final class Aoc {
            final Map<String, List<String>> primaries = new LinkedHashMap<>();
            final List<String> type2 = new ArrayList<>();
        }

        /** One planned add-on code: edit type and how many primaries are listed. */
        private record Plan(int type, int listed) { }

        private Aoc writeAoc() throws IOException {
            SplittableRandom rng = aocRng;
            // 1. Plan the edits (type, listed primaries) until the row count is reached exactly.
            List<Plan> plans = new ArrayList<>();
            int rows = 0;
            while (rows < size.aocRows()) {
                int remaining = size.aocRows() - rows;
                int u = rng.nextInt(100);
                int listed = Math.min(120, 1 + (int) Math.exp(1.8 + 0.9 * rng.nextGaussian()));
                if (u < 6) {
                    plans.add(new Plan(2, 0));
                    rows += 1;
                } else if (u < 10 && remaining >= 2) {
                    listed = Math.min(listed, remaining - 1);
                    plans.add(new Plan(3, listed));
                    rows += listed + 1;
                } else {
                    listed = Math.min(listed, remaining);
                    plans.add(new Plan(1, listed));
                    rows += listed;
                }
            }
            // 2. Add-on codes: neither E/M nor clean codes.
            int[] candidates = indices(i -> role[i] == ROLE_OTHER);
            if (plans.size() > candidates.length / 2) {
                throw new IllegalArgumentException("too many add-on rows for the code universe: " + size.aocRows());
            }
            shuffle(candidates, plans.size(), rng);
            int[] addOns = Arrays.copyOf(candidates, plans.size());
            for (int a : addOns) {
                role[a] = ROLE_ADD_ON;
            }
            int[] primaryPool = indices(i -> role[i] == ROLE_OTHER || role[i] == ROLE_CLEAN);

            // 3. Rows: add-on code, primaries, Julian dates, a few deletions.
            List<String[]> out = new ArrayList<>(size.aocRows());
            Aoc aoc = new Aoc();
            Map<String, List<String>> inForce = new java.util.TreeMap<>();
            Set<String> type2InForce = new TreeSet<>();
            for (int p = 0; p < plans.size(); p++) {
                Plan plan = plans.get(p);
                String addOn = codes[addOns[p]];
                int effQuarter = rng.nextInt(100) < 2 ? 120 : 68 + rng.nextInt(52); // 2013Q1..2025Q4, or 2026Q1
                int addOnDeletedQuarter = effQuarter < 120 && rng.nextInt(100) < 3
                        ? effQuarter + rng.nextInt(120 - effQuarter) : -1;
                String addOnDel = addOnDeletedQuarter < 0 ? null : julian(quarterEnd(addOnDeletedQuarter));
                List<String> primaries = new ArrayList<>();
                Set<Integer> picked = new HashSet<>();
                while (primaries.size() < plan.listed()) {
                    int c = primaryPool[rng.nextInt(primaryPool.length)];
                    if (picked.add(c)) {
                        primaries.add(codes[c]);
                    }
                }
                Collections.sort(primaries);
                if (plan.type() != 1) {
                    primaries.add(CONTRACTOR_DEFINED);
                }
                List<String> live = new ArrayList<>();
                boolean contractorLive = false;
                for (String primary : primaries) {
                    int rowEff = effQuarter;
                    if (addOnDel == null && effQuarter < 119 && rng.nextInt(100) < 20) {
                        rowEff = effQuarter + 1 + rng.nextInt(119 - effQuarter);
                    }
                    String editDel = addOnDel;
                    if (editDel == null && rowEff < 120 && rng.nextInt(100) < 3) {
                        editDel = julian(quarterEnd(rowEff + rng.nextInt(120 - rowEff)));
                    }
                    boolean contractor = primary.equals(CONTRACTOR_DEFINED);
                    String primaryDel = null;
                    if (!contractor && rowEff < 120 && rng.nextInt(100) < 2) {
                        primaryDel = julian(quarterEnd(rowEff + rng.nextInt(120 - rowEff)));
                    }
                    out.add(new String[] {Integer.toString(plan.type()), addOn, addOnDel, primary, primaryDel,
                        julian(quarterStart(rowEff)), editDel, contractor ? CONTRACTOR_NOTE : null});
                    if (addOnDel == null && editDel == null) {
                        if (contractor) {
                            contractorLive = true;
                        } else if (primaryDel == null) {
                            live.add(primary);
                        }
                    }
                }
                if (plan.type() == 1 && !live.isEmpty()) {
                    inForce.put(addOn, List.copyOf(live));
                } else if (plan.type() == 2 && contractorLive) {
                    type2InForce.add(addOn);
                }
            }
            aoc.primaries.putAll(inForce);
            aoc.type2.addAll(type2InForce);
            // CMS sorts by add-on code, then primary (CCCCC after the listed ones).
            out.sort(Comparator.<String[], String>comparing(r -> r[1])
                    .thenComparing(r -> r[3].equals(CONTRACTOR_DEFINED) ? "~" : r[3]));
            writeAocWorkbook(out);
            return aoc;
        }

        private void writeAocWorkbook(List<String[]> rows) throws IOException {
            String[] header = {"AOC_Edit_Type", "Add-On_Code", "AOC_DelDT", "Primary_Code", "Primary_Code_DelDT",
                "AOC_Edit_EffDT", "AOC_Edit_DelDT", "Special_Instruction_Notes"};
            SXSSFWorkbook wb = new SXSSFWorkbook(200);
            try {
                Sheet sheet = wb.createSheet("AOC_V2026Q1");
                Row notice = sheet.createRow(0);
                notice.createCell(0).setCellValue("SYNTHETIC NCCI add-on code edits generated by claim-auditor "
                        + "QuarterGenerator (seed " + seed + "): every row in this workbook is synthetic, not CMS data.\n"
                        + "Layout as the CMS AOC_V<yyyy>Q<q>-MCR.xlsx workbook; codes are random code-shaped strings "
                        + "without descriptors. Dates are Julian YYYYDDD.");
                Row head = sheet.createRow(1);
                for (int c = 0; c < header.length; c++) {
                    head.createCell(c).setCellValue(header[c]);
                }
                int r = 2;
                for (String[] values : rows) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.length; c++) {
                        if (values[c] != null) { // CMS leaves absent dates and notes as empty cells
                            row.createCell(c).setCellValue(values[c]);
                        }
                    }
                }
                // A fixed creation time, so the same seed gives the same bytes.
                var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
                core.setCreated(Optional.of(Date.from(QUARTER_START.atStartOfDay(ZoneOffset.UTC).toInstant())));
                core.setCreator("claim-auditor QuarterGenerator (synthetic)");
                try (OutputStream os = Files.newOutputStream(dir.resolve(AOC_FILE))) {
                    wb.write(os);
                }
            } finally {
                wb.dispose();
                wb.close();
            }
        }

        // ---------------------------------------------------------------- PTP

        /**
         * Writes one PTP table over {@value #PTP_PARTS} part files and returns up to {@code sampleSize} of its
         * edits that fire all quarter (reservoir sample).
         */
        private List<Universe.PtpPair> writePtp(boolean practitioner, int rows, SplittableRandom rng, int sampleSize)
                throws IOException {
            int[] col1Pool = indices(i -> role[i] == ROLE_OTHER || role[i] == ROLE_ADD_ON);
            int[] col2Pool = indices(i -> role[i] != ROLE_CLEAN);
            int[] col2Pos = new int[codes.length];
            Arrays.fill(col2Pos, -1);
            for (int p = 0; p < col2Pool.length; p++) {
                col2Pos[col2Pool[p]] = p;
            }
            int[] perCol1 = rowsPerColumn1(col1Pool.length, col2Pool.length - 1, rows, rng);

            byte[][] starts = new byte[121][];
            byte[][] ends = new byte[120][];
            for (int q = 0; q <= 120; q++) {
                starts[q] = yyyymmdd(quarterStart(q));
                if (q < 120) {
                    ends[q] = yyyymmdd(quarterEnd(q));
                }
            }
            byte[][] rationales = new byte[PTP_RATIONALES.length][];
            for (int r = 0; r < rationales.length; r++) {
                rationales[r] = PTP_RATIONALES[r].getBytes(StandardCharsets.US_ASCII);
            }
            int[] rationaleCumulative = cumulative(PTP_RATIONALE_WEIGHTS);

            int[] sample1 = new int[sampleSize];
            int[] sample2 = new int[sampleSize];
            byte[] sampleInd = new byte[sampleSize];
            int sampled = 0;
            long eligible = 0;

            int[] stamp = new int[col2Pool.length];
            int[] picked = new int[col2Pool.length];
            int part = 0;
            long written = 0;
            long partEnd = 0;
            Ascii out = null;
            try {
                for (int a = 0; a < col1Pool.length; a++) {
                    int k = perCol1[a];
                    if (k == 0) {
                        continue;
                    }
                    int c1 = col1Pool[a];
                    int n = pickColumn2(k, col2Pos[c1], a + 1, stamp, picked, rng);
                    for (int j = 0; j < n; j++) {
                        while (written == partEnd && part < PTP_PARTS) { // next part file
                            if (out != null) {
                                out.close();
                            }
                            part++;
                            partEnd = (long) rows * part / PTP_PARTS;
                            out = openPtp(practitioner, part);
                        }
                        int c2 = col2Pool[picked[j]];
                        int ind = rng.nextInt(1000);
                        byte indicator = ind < 50 ? (byte) '9' : ind < 150 ? (byte) '0' : (byte) '1';
                        int e = rng.nextInt(1000);
                        int q = e < 80 ? 0 : e < 95 ? 120 : 1 + rng.nextInt(119);
                        byte[] deletion = null;
                        if (indicator == '9') {
                            deletion = starts[q]; // deleted retroactively: never in force
                        } else if (q < 120 && rng.nextInt(100) < 8) {
                            deletion = ends[q + rng.nextInt(120 - q)];
                        }
                        byte[] rationale = rationales[pick(rationaleCumulative, rng)];
                        out.put(codeBytes[c1]);
                        out.put((byte) '\t');
                        out.put(codeBytes[c2]);
                        out.put((byte) '\t');
                        if (q == 0) {
                            out.put((byte) '*');
                        }
                        out.put((byte) '\t');
                        out.put(starts[q]);
                        out.put((byte) '\t');
                        if (deletion == null) {
                            out.put((byte) '*');
                        } else {
                            out.put(deletion);
                        }
                        out.put((byte) '\t');
                        out.put(indicator);
                        out.put((byte) '\t');
                        out.put(rationale);
                        out.put((byte) '\r');
                        out.put((byte) '\n');
                        written++;
                        if (sampleSize > 0 && indicator != '9' && deletion == null) {
                            eligible++;
                            int slot = sampled < sampleSize ? sampled++ : (int) sampleRng.nextLong(eligible);
                            if (slot < sampleSize) {
                                sample1[slot] = c1;
                                sample2[slot] = c2;
                                sampleInd[slot] = indicator;
                            }
                        }
                    }
                }
                while (part < PTP_PARTS) { // tables too small to reach every part still get their files
                    if (out != null) {
                        out.close();
                    }
                    part++;
                    out = openPtp(practitioner, part);
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
            if (written != rows) {
                throw new IllegalStateException("wrote " + written + " PTP rows, planned " + rows);
            }
            Integer[] order = new Integer[sampled];
            for (int s = 0; s < sampled; s++) {
                order[s] = s;
            }
            Arrays.sort(order, Comparator.<Integer>comparingInt(s -> sample1[s]).thenComparingInt(s -> sample2[s]));
            List<Universe.PtpPair> pairs = new ArrayList<>(sampled);
            for (int s : order) {
                pairs.add(new Universe.PtpPair(codes[sample1[s]], codes[sample2[s]], (char) sampleInd[s]));
            }
            return pairs;
        }

        private Ascii openPtp(boolean practitioner, int part) throws IOException {
            Ascii out = new Ascii(Files.newOutputStream(dir.resolve(ptpFileName(practitioner, part))));
            out.put("SYNTHETIC NCCI " + (practitioner ? "practitioner" : "outpatient hospital") + " PTP edits "
                    + "generated by claim-auditor QuarterGenerator (seed " + seed + ", file " + part + " of "
                    + PTP_PARTS + "): every row in this file is synthetic, not CMS data.\t\t\t\t\t\t\r\n");
            out.put("Column1/Column2 Edits\t\t\t\t\t\t\r\n");
            out.put("Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n");
            out.put("\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n");
            out.put("\t\t\t\t*=no data\t1=allowed\t\r\n");
            out.put("\t\t\t\t\t9=not applicable\t\r\n");
            return out;
        }

        /**
         * How many column 2 codes each column 1 code gets: a skewed (log-normal) share of {@code rows}, at most
         * {@code cap} each, summing to {@code rows} exactly.
         */
        private static int[] rowsPerColumn1(int n, int cap, int rows, SplittableRandom rng) {
            if ((long) n * cap < rows) {
                throw new IllegalArgumentException(rows + " PTP rows do not fit the code universe");
            }
            double[] w = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                w[i] = Math.exp(rng.nextGaussian());
                total += w[i];
            }
            int[] k = new int[n];
            long assigned = 0;
            for (int i = 0; i < n; i++) {
                k[i] = (int) Math.min(cap, Math.floor(rows * w[i] / total));
                assigned += k[i];
            }
            int i = n == 0 ? 0 : rng.nextInt(n);
            while (assigned < rows) {
                if (k[i] < cap) {
                    k[i]++;
                    assigned++;
                }
                i = (i + 1) % n;
            }
            return k;
        }

        /**
         * Picks {@code k} distinct positions of the column 2 pool other than {@code self} into {@code picked},
         * ascending; returns k. {@code stamp} marks positions taken for this call ({@code mark}).
         */
        private static int pickColumn2(int k, int self, int mark, int[] stamp, int[] picked, SplittableRandom rng) {
            int pool = stamp.length;
            int available = pool - (self >= 0 ? 1 : 0);
            if (self >= 0) {
                stamp[self] = mark;
            }
            if (k * 2L <= available) {
                for (int j = 0; j < k; j++) {
                    int p;
                    do {
                        p = rng.nextInt(pool);
                    } while (stamp[p] == mark);
                    stamp[p] = mark;
                    picked[j] = p;
                }
                Arrays.sort(picked, 0, k);
            } else { // dense: choose the positions to leave out instead
                for (int j = 0; j < available - k; j++) {
                    int p;
                    do {
                        p = rng.nextInt(pool);
                    } while (stamp[p] == mark);
                    stamp[p] = mark;
                }
                int n = 0;
                for (int p = 0; p < pool; p++) {
                    if (stamp[p] != mark) {
                        picked[n++] = p;
                    }
                }
            }
            return k;
        }

        // ---------------------------------------------------------------- MUE

        private Map<String, Universe.Mue> writeMue() throws IOException {
            SplittableRandom rng = mueRng;
            int count = Math.min(size.mueCodes(), codes.length);
            int[] practitioner = mueCodes(count, i -> true, true, rng);
            Map<String, Universe.Mue> universe = new LinkedHashMap<>();
            writeMueFile("PractitionerServices", "Practitioner Services MUE Values", practitioner, false, rng, universe);
            int[] hospital = mueCodes(count, i -> true, true, rng);
            writeMueFile("OutpatientHospitalServices", "Outpatient Hospital Services MUE Values", hospital, false, rng,
                    null);
            int[] dme = mueCodes(dmeMueCodes(size), this::isHcpcs, false, rng);
            writeMueFile("DMESupplierServices", "DME Supplier Services MUE Values", dme, true, rng, null);
            return universe;
        }

        /** {@code n} codes accepted by {@code filter} (E/M codes first when {@code withEm}), ascending. */
        private int[] mueCodes(int n, java.util.function.IntPredicate filter, boolean withEm, SplittableRandom rng) {
            int[] em = withEm ? indices(i -> role[i] == ROLE_EM) : new int[0];
            int[] rest = indices(i -> role[i] != ROLE_EM && filter.test(i));
            int fromEm = Math.min(em.length, n);
            int fromRest = Math.min(rest.length, n - fromEm);
            shuffle(rest, fromRest, rng);
            int[] out = new int[fromEm + fromRest];
            System.arraycopy(em, 0, out, 0, fromEm);
            System.arraycopy(rest, 0, out, fromEm, fromRest);
            Arrays.sort(out);
            return out;
        }

        private void writeMueFile(String setting, String valueHeader, int[] rows, boolean dme, SplittableRandom rng,
                                  Map<String, Universe.Mue> universe) throws IOException {
            int[] rationale = cumulative(MUE_RATIONALE_WEIGHTS);
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(mueFileName(setting)), StandardCharsets.UTF_8)) {
                w.write("\"SYNTHETIC NCCI MUE table generated by claim-auditor QuarterGenerator (seed " + seed
                        + "): every row in this file is synthetic, not CMS data.\n\nLayout as the CMS MCR_MUE_" + setting
                        + " file; codes are random code-shaped strings without descriptors.\",,,\r\n");
                w.write("\"HCPCS/\nCPT Code\"," + valueHeader + ",MUE Adjudication Indicator,MUE Rationale\r\n");
                for (int i : rows) {
                    int value;
                    int mai;
                    if (role[i] == ROLE_EM) {
                        value = 1;
                        mai = 2;
                    } else {
                        value = dme ? dmeValue(rng) : mueValue(rng);
                        int m = rng.nextInt(100);
                        mai = dme ? (m < 50 ? 1 : 3) : (m < 20 ? 1 : m < 55 ? 2 : 3);
                    }
                    w.write(codes[i]);
                    w.write(',');
                    w.write(Integer.toString(value));
                    w.write(',');
                    w.write(MAI_TEXT[mai]);
                    w.write(',');
                    w.write(MUE_RATIONALES[pick(rationale, rng)]);
                    w.write("\r\n");
                    if (universe != null) {
                        universe.put(codes[i], new Universe.Mue(value, mai));
                    }
                }
            }
        }

        private static int mueValue(SplittableRandom rng) {
            int u = rng.nextInt(1000);
            if (u < 350) {
                return 1;
            } else if (u < 500) {
                return 2;
            } else if (u < 600) {
                return 3;
            } else if (u < 680) {
                return 4;
            } else if (u < 750) {
                return 5 + rng.nextInt(2);
            } else if (u < 820) {
                return 7 + rng.nextInt(4);
            } else if (u < 900) {
                return 11 + rng.nextInt(20);
            } else if (u < 950) {
                return 31 + rng.nextInt(70);
            }
            return 101 + rng.nextInt(899);
        }

        private static int dmeValue(SplittableRandom rng) {
            int u = rng.nextInt(1000);
            if (u < 200) {
                return 1;
            } else if (u < 450) {
                return 2 + rng.nextInt(3);
            } else if (u < 700) {
                return 5 + rng.nextInt(8);
            } else if (u < 900) {
                return 13 + rng.nextInt(88);
            }
            return 101 + rng.nextInt(899);
        }

        // ---------------------------------------------------------------- helpers

        private int[] indices(java.util.function.IntPredicate keep) {
            int n = 0;
            int[] out = new int[codes.length];
            for (int i = 0; i < codes.length; i++) {
                if (keep.test(i)) {
                    out[n++] = i;
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** Partial Fisher-Yates: the first {@code n} entries become a uniform random selection. */
    static void shuffle(int[] a, int n, SplittableRandom rng) {
        for (int i = 0; i < n && i < a.length - 1; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] cumulative(int[] weights) {
        int[] c = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    private static int pick(int[] cumulative, SplittableRandom rng) {
        int u = rng.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Quarter {@code q} counted from 1996 Q1 (q = 0) to 2026 Q1 (q = 120). */
    static LocalDate quarterStart(int q) {
        return LocalDate.of(1996 + q / 4, 1 + 3 * (q % 4), 1);
    }

    static LocalDate quarterEnd(int q) {
        return quarterStart(q + 1).minusDays(1);
    }

    static String julian(LocalDate d) {
        return d.getYear() + pad3(d.getDayOfYear());
    }

    private static byte[] yyyymmdd(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String pad4(int n) {
        String s = Integer.toString(n);
        return "0000".substring(s.length()) + s;
    }

    private static String pad3(int n) {
        String s = Integer.toString(n);
        return "000".substring(s.length()) + s;
    }

    /** ASCII bytes into a 1 MiB buffer: much faster than a Writer for two million short rows. */
    private static final class Ascii implements Closeable {
        private final OutputStream os;
        private final byte[] buf = new byte[1 << 20];
        private int n;

        Ascii(OutputStream os) {
            this.os = os;
        }

        void put(byte b) throws IOException {
            if (n == buf.length) {
                drain();
            }
            buf[n++] = b;
        }

        void put(byte[] b) throws IOException {
            if (n + b.length > buf.length) {
                drain();
            }
            if (b.length > buf.length) {
                os.write(b);
                return;
            }
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        void put(String s) throws IOException {
            put(s.getBytes(StandardCharsets.US_ASCII));
        }

        private void drain() throws IOException {
            os.write(buf, 0, n);
            n = 0;
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                os.close();
            }
        }
    }
}
