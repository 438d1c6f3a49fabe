package org.claimauditor.spark;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What every executor needs to audit like the driver: where the rules, payer policies, NCCI tables and code sets are
 * (paths readable on every node, or names of files shipped with {@code --files} / {@code --archives}), and the audit
 * date. Also the key under which an executor keeps what it loaded ({@link ExecutorAuditor}).
 *
 * @param ncciDir     null with {@code noNcci} (a run without NCCI edits on purpose)
 * @param codeSetsDir null: shape checks only, as {@code audit} without {@code --code-sets}
 * @param ruleCache   folder of compiled rule sets, or null for the default, or {@code none}
 */
public record JobSettings(String rulesDir, String policiesDir, String defaultPayer, String ncciDir, boolean noNcci,
                          String codeSetsDir, String ruleCache, LocalDate today) implements Serializable {
}
