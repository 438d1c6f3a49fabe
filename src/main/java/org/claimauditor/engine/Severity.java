package org.claimauditor.engine;

/** ERROR: will be denied, fix before submission. WARNING: needs review or documentation. INFO: noted for auditors. */
public enum Severity { ERROR, WARNING, INFO }
