-- Audit history: one row per run, its input files and reference data, one row per claim result and per finding.
-- Portable SQL: the same script runs on H2 (the embedded default) and PostgreSQL. Text columns are VARCHAR without
-- a length (unbounded on both), so a long rule message is never cut.

CREATE TABLE audit_run (
    run_id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    -- RUNNING while results are streamed in, COMPLETE once the run finished; queries read COMPLETE runs only
    state            VARCHAR(10)              NOT NULL,
    origin           VARCHAR(10)              NOT NULL,
    user_name        VARCHAR,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    audit_date       DATE                     NOT NULL,
    rule_set_version VARCHAR(64)              NOT NULL,
    claims           BIGINT                   NOT NULL DEFAULT 0,
    pass_count       BIGINT                   NOT NULL DEFAULT 0,
    review_count     BIGINT                   NOT NULL DEFAULT 0,
    reject_count     BIGINT                   NOT NULL DEFAULT 0,
    error_count      BIGINT                   NOT NULL DEFAULT 0,
    findings         BIGINT                   NOT NULL DEFAULT 0,
    amount_at_risk   NUMERIC(18, 2)           NOT NULL DEFAULT 0
);
CREATE INDEX audit_run_started ON audit_run (started_at);

CREATE TABLE run_input (
    run_id   VARCHAR(36) NOT NULL REFERENCES audit_run (run_id) ON DELETE CASCADE,
    position INTEGER     NOT NULL,
    name     VARCHAR     NOT NULL,
    sha256   CHAR(64)    NOT NULL,
    bytes    BIGINT      NOT NULL,
    PRIMARY KEY (run_id, position)
);

-- kind: RULE_SET, PAYER_POLICY, NCCI, CODE_SET, OTHER; sha256 of the file where there is one file (payer policies)
CREATE TABLE run_reference (
    run_id      VARCHAR(36) NOT NULL REFERENCES audit_run (run_id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    description VARCHAR     NOT NULL,
    sha256      CHAR(64),
    PRIMARY KEY (run_id, position)
);

-- seq: the claim's place in the run's input order; claim_id is null for an input that could not be read
CREATE TABLE claim_result (
    run_id        VARCHAR(36) NOT NULL REFERENCES audit_run (run_id) ON DELETE CASCADE,
    seq           BIGINT      NOT NULL,
    claim_id      VARCHAR,
    status        VARCHAR(6)  NOT NULL,
    payer_id      VARCHAR,
    billing_npi   VARCHAR,
    rendering_npi VARCHAR,
    payer_policy  VARCHAR,
    error         VARCHAR,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX claim_result_claim ON claim_result (claim_id, run_id);

-- line_numbers and rarc are comma-separated ("1,2"; "N362,M80"), empty when none
CREATE TABLE finding (
    run_id         VARCHAR(36)    NOT NULL REFERENCES audit_run (run_id) ON DELETE CASCADE,
    seq            BIGINT         NOT NULL,
    position       INTEGER        NOT NULL,
    claim_id       VARCHAR,
    rule_id        VARCHAR        NOT NULL,
    category       VARCHAR(40)    NOT NULL,
    severity       VARCHAR(10)    NOT NULL,
    line_numbers   VARCHAR        NOT NULL,
    amount_at_risk NUMERIC(14, 2),
    message        VARCHAR        NOT NULL,
    source         VARCHAR,
    group_code     VARCHAR(2),
    carc           VARCHAR(3),
    rarc           VARCHAR        NOT NULL,
    PRIMARY KEY (run_id, seq, position)
);
CREATE INDEX finding_rule ON finding (rule_id);
