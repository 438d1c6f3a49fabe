package org.claimauditor.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The claim JSON layout (docs/claim-input.md) as a Spark schema: what a Parquet claim file holds, one claim per row
 * with its lines nested, and what turns claim JSON Lines into such a file
 * ({@code spark.read().schema(ClaimSchema.CLAIM).json(...).write().parquet(...)}). Charges are {@code decimal(14,2)}:
 * exact cents, below the 10^12 the claim reader accepts.
 */
public final class ClaimSchema {

    private static final StructType PROVIDER = new StructType()
            .add("npi", DataTypes.StringType)
            .add("tin", DataTypes.StringType);

    private static final StructType LINE = new StructType()
            .add("lineNumber", DataTypes.IntegerType)
            .add("serviceDate", DataTypes.DateType)
            .add("serviceDateTo", DataTypes.DateType)
            .add("procedureCode", DataTypes.StringType)
            .add("modifiers", strings())
            .add("units", DataTypes.IntegerType)
            .add("charge", DataTypes.createDecimalType(14, 2))
            .add("diagnosisPointers", new ArrayType(DataTypes.IntegerType, true))
            .add("renderingProviderNpi", DataTypes.StringType)
            .add("placeOfService", DataTypes.StringType)
            .add("revenueCode", DataTypes.StringType);

    public static final StructType CLAIM = new StructType()
            .add("claimId", DataTypes.StringType)
            .add("claimType", DataTypes.StringType)
            .add("payerId", DataTypes.StringType)
            .add("patient", new StructType()
                    .add("id", DataTypes.StringType)
                    .add("birthDate", DataTypes.DateType)
                    .add("sex", DataTypes.StringType))
            .add("billingProvider", PROVIDER)
            .add("renderingProvider", PROVIDER)
            .add("placeOfService", DataTypes.StringType)
            .add("receivedDate", DataTypes.DateType)
            .add("diagnoses", strings())
            .add("lines", new ArrayType(LINE, true))
            .add("frequencyCode", DataTypes.StringType);

    private ClaimSchema() { }

    private static ArrayType strings() {
        return new ArrayType(DataTypes.StringType, true);
    }
}
