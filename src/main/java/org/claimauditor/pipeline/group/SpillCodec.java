package org.claimauditor.pipeline.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's temporary files: a sequence of records the run wrote itself, in Smile (Jackson's binary JSON, same
 * mapping, a fraction of the cost of JSON text to write and parse; nobody reads these files). BigDecimals keep
 * their scale and nulls are left out, so a claim read back is the claim that was read.
 */
public final class SpillCodec {

    static final int BUFFER = 1 << 15;

    private static final ObjectMapper MAPPER = SmileMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // absent reads back as null; empty values ("" or []) are kept, rules tell them apart
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private SpillCodec() { }

    /** The mapper itself, for other places that pass claims between processes of one run (the Spark job's shuffle). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static <T> ObjectWriter writer(Class<T> type) {
        return MAPPER.writerFor(type);
    }

    /** A new file to append records to with {@link #write}; closing the generator closes the file. */
    static JsonGenerator create(Path file) throws IOException {
        return MAPPER.createGenerator(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    static <T> void write(ObjectWriter writer, JsonGenerator out, T value) throws IOException {
        writer.writeValue(out, value);
    }

    /** The records of a file one by one (none when it was never created); close it when done. */
    static <T> MappingIterator<T> read(Class<T> type, Path file) throws IOException {
        ObjectReader reader = MAPPER.readerFor(type);
        if (!Files.exists(file)) {
            return reader.readValues(new byte[0]);
        }
        return reader.readValues(new BufferedInputStream(Files.newInputStream(file), BUFFER));
    }
}
