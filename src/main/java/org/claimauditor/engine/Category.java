package org.claimauditor.engine;

public enum Category { PTP, MUE, ADD_ON, MODIFIER, CODE_VALIDITY, DEMOGRAPHIC, PAYER_POLICY, CLAIM_DATA }
