package org.claimauditor.pipeline.group;

import org.claimauditor.engine.AuditResult;

/** A claim's result between the audit of its partition and the merge: its input index and the compact result. */
record StoredResult(int index, AuditResult result) { }
