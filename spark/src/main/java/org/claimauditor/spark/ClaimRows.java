package org.claimauditor.spark;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.group.SpillCodec;
import org.claimauditor.pipeline.source.ClaimCursor;
import org.claimauditor.pipeline.source.ClaimFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * Claims in, one row per claim whatever its format: the patient it is grouped by, its place in the input (file and
 * index, to audit a patient's claims in input order as {@code audit} does) and the {@link ClaimInput} itself in Smile,
 * the encoding the single-machine run spills claims in. Every claim is read by the auditor's own readers, so an
 * unreadable claim is an ERROR row naming file and line, exactly as {@code audit} reports it.
 */
final class ClaimRows {

    static final StructType SCHEMA = new StructType()
            .add("patient", DataTypes.StringType, false)
            .add("file", DataTypes.StringType, false)
            .add("index", DataTypes.LongType, false)
            .add("claim", DataTypes.BinaryType, false);

    private static final ObjectWriter WRITE = SpillCodec.mapper().writerFor(ClaimInput.class);
    private static final ObjectReader READ = SpillCodec.mapper().readerFor(ClaimInput.class);

    /** File names a folder contributes (as {@code audit}'s, except {@code .txt}, which needs an explicit name). */
    private static final List<String> CLAIM_FILES = List.of(".json", ".jsonl", ".csv", ".x12", ".837", ".edi");

    private ClaimRows() { }

    /**
     * The claims of {@code paths}: a path whose name ends in {@code .parquet} (a file or Spark's folder of part files)
     * is Parquet in the layout of {@link ClaimSchema}; any other file, or folder of files, is read whole by the
     * auditor's reader for its extension (one task per file: split big JSON Lines files into parts).
     */
    static Dataset<Row> read(SparkSession spark, List<String> paths) {
        List<String> parquet = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String p : paths) {
            (p.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet") ? parquet : files).add(p);
        }
        Dataset<Row> rows = null;
        if (!files.isEmpty()) {
            rows = files(spark, files);
        }
        if (!parquet.isEmpty()) {
            Dataset<Row> p = parquet(spark, parquet);
            rows = rows == null ? p : rows.unionByName(p);
        }
        return rows;
    }

    private static Dataset<Row> files(SparkSession spark, List<String> paths) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // folders are read recursively, as audit reads them
        sc.hadoopConfiguration().setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
        List<String> named = List.copyOf(paths);
        var claims = sc.binaryFiles(String.join(",", paths))
                .filter(f -> isClaimFile(f._1(), named))
                .flatMap(f -> new FileClaims(name(f._1()), f._2(), Limits.DEFAULTS));
        return spark.createDataFrame(claims, SCHEMA);
    }

    private static boolean isClaimFile(String uri, List<String> named) {
        String n = uri.toLowerCase(Locale.ROOT);
        return CLAIM_FILES.stream().anyMatch(n::endsWith)
                || named.stream().anyMatch(p -> uri.endsWith(p.replaceFirst("^file:", "")));
    }

    /** A local file by its path (as {@code audit} names it in errors), any other by its URI. */
    static String name(String uri) {
        URI u = URI.create(uri);
        return "file".equals(u.getScheme()) ? u.getPath() : uri;
    }

    /** Parquet rows back to claim JSON, read by the same claim reader as a {@code .json} file. */
    private static Dataset<Row> parquet(SparkSession spark, List<String> paths) {
        Dataset<Row> in = spark.read().parquet(paths.toArray(String[]::new));
        Dataset<Row> json = in.select(to_json(struct(col("*"))).as("json"), input_file_name().as("file"),
                monotonically_increasing_id().as("index"));
        return json.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> {
            String file = name(r.getString(1));
            long index = r.getLong(2);
            ClaimInput in2 = ClaimReader.readOne(r.getString(0), file);
            return row(new ClaimInput((int) index, in2.origin(), in2.claimId(), in2.claim(), in2.error()), file, index);
        }, Encoders.row(SCHEMA));
    }

    /** The row of one claim; a claim without patient id (or unreadable) is a patient of its own. */
    static Row row(ClaimInput in, String file, long index) {
        String patient = in.readable() && in.claim().patient() != null && in.claim().patient().id() != null
                ? "P:" + in.claim().patient().id() : "#" + file + "#" + index;
        try {
            return RowFactory.create(patient, file, index, WRITE.writeValueAsBytes(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClaimInput claim(Row row) {
        try {
            return READ.readValue(row.<byte[]>getAs("claim"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of one file, streamed: the file is open while the task iterates and closed at its end. */
    private static final class FileClaims implements Iterator<Row> {
        private final String file;
        private final ClaimCursor cursor;

        FileClaims(String file, PortableDataStream stream, Limits limits) throws IOException {
            this.file = file;
            this.cursor = ClaimFiles.open(stream.open(), file, 0, limits);
        }

        @Override
        public boolean hasNext() {
            boolean more = cursor.hasNext();
            if (!more) {
                try {
                    cursor.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close " + file, e);
                }
            }
            return more;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ClaimInput in = cursor.next();
            return row(in, file, in.index());
        }
    }
}
