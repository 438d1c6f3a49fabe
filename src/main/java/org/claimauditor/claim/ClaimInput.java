package org.claimauditor.claim;

/**
 * One entry of an input batch: either a readable claim or the reason it could not be read.
 * {@code origin} names where it came from (file and line or array index) so an error can be traced.
 */
public record ClaimInput(int index, String origin, String claimId, Claim claim, String error) {

    public static ClaimInput ok(int index, String origin, Claim claim) {
        return new ClaimInput(index, origin, claim.claimId(), claim, null);
    }

    public static ClaimInput failed(int index, String origin, String claimId, String error) {
        return new ClaimInput(index, origin, claimId, null, error);
    }

    public boolean readable() {
        return claim != null;
    }
}
