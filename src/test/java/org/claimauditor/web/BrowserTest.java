package org.claimauditor.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three jobs of the pages in a real browser, each as the role that does it. */
@WebAppTest
class BrowserTest {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static final Path SAMPLES = Path.of("test-claims/samples/sample-claims.jsonl");
    static final Path CANDIDATES = Path.of("target/web-test/candidates");

    @LocalServerPort
    int port;

    /** A candidate rules folder: the shipped rules with CLAIM-UNITS-MIN lowered to WARNING. */
    @BeforeAll
    static void candidate() throws IOException {
        Path dir = CANDIDATES.resolve("units-min-warning");
        FileSystemUtils.deleteRecursively(dir);
        FileSystemUtils.copyRecursively(Path.of("rules"), dir);
        Path drl = dir.resolve("claimdata/CLAIM-UNITS-MIN.drl");
        String text = Files.readString(drl);
        assertThat(text).contains("@severity(\"ERROR\")");
        Files.writeString(drl, text.replace("@severity(\"ERROR\")", "@severity(\"WARNING\")"));
    }

    @Test
    void signInShowsOnlyWhatTheRoleMayDo() {
        WebDriver d = BROWSER.driver();
        d.get(url("/rules"));
        assertThat(d.getCurrentUrl()).endsWith("/login");
        d.findElement(By.id("username")).sendKeys("billing");
        d.findElement(By.id("password")).sendKeys("wrong");
        d.findElement(By.id("sign-in")).click();
        assertThat(d.findElement(By.id("login-error")).getText()).contains("not accepted");
        d.findElement(By.id("username")).sendKeys("billing");

        d.findElement(By.id("password")).sendKeys("billing-pw");
        d.findElement(By.id("sign-in")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !x.findElements(By.id("who")).isEmpty());
        assertThat(d.getCurrentUrl()).startsWith(url("/rules")); // back to the page asked for
        assertThat(d.findElement(By.id("who")).getText()).isEqualTo("billing");
        assertThat(d.findElements(By.id("nav-prescreen"))).hasSize(1);
        assertThat(d.findElements(By.id("nav-batches"))).isEmpty();
        assertThat(d.findElements(By.id("nav-impact"))).isEmpty();

        d.findElement(By.id("sign-out")).click();
        assertThat(d.getCurrentUrl()).contains("/login");
        d.get(url("/"));
        assertThat(d.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void preScreenShowsEachFindingOnItsLine() throws IOException {
        WebDriver d = BROWSER.driver();
        signIn("billing", "billing-pw");
        d.findElement(By.id("nav-prescreen")).click();
        String claim = Files.readAllLines(SAMPLES).get(1); // S-1002: 0 units on line 1, a bad pointer on line 2
        paste(d.findElement(By.id("claim")), claim);
        d.findElement(By.id("prescreen-submit")).click();

        assertThat(d.findElement(By.id("claim-id")).getText()).isEqualTo("S-1002");
        assertThat(d.findElement(By.id("claim-status")).getText()).isEqualTo("REJECT");
        WebElement line1 = d.findElement(By.id("line-1"));
        WebElement finding = line1.findElement(By.cssSelector("tr.finding"));
        assertThat(finding.findElement(By.className("rule-id")).getText()).isEqualTo("CLAIM-UNITS-MIN");
        assertThat(finding.findElement(By.className("sev")).getText()).isEqualTo("ERROR");
        assertThat(finding.findElement(By.className("message")).getText()).contains("0 units of 97110");
        assertThat(finding.findElement(By.className("fix")).getText()).startsWith("Fix:");
        assertThat(finding.findElement(By.className("src")).getText()).contains("$.lines[0].units");
        assertThat(finding.findElement(By.className("amount")).getText()).isEqualTo("45.00");
        assertThat(d.findElement(By.id("line-2")).getText()).contains("CLAIM-DX-POINTER").doesNotContain("CLAIM-UNITS-MIN");
        BROWSER.checkpoint("prescreen-result");

        paste(d.findElement(By.id("claim")), "{\"claimId\": \"X\", \"lines\": [{\"units\": \"many\"}]}");
        d.findElement(By.id("prescreen-submit")).click();
        assertThat(d.findElement(By.id("read-error")).getText()).contains("$.lines[0].units");
    }

    @Test
    void uploadABatchFilterItsResultsAndOpenAClaim() {
        WebDriver d = BROWSER.driver();
        signIn("auditor", "auditor-pw");
        String run = uploadBatch(d);

        assertThat(d.findElement(By.id("count-reject")).getText()).isEqualTo("6");
        List<String> downloads = d.findElements(By.cssSelector("#downloads a")).stream().map(WebElement::getText).toList();
        assertThat(downloads).contains("audit-results.json", "compliance-report.html", "claim-summaries.csv",
                "error-report.json");
        assertThat(d.findElements(By.cssSelector("#charts svg"))).hasSizeGreaterThanOrEqualTo(2);
        BROWSER.checkpoint("batch-results");
        ((JavascriptExecutor) d).executeScript("document.getElementById('charts').scrollIntoView()");
        assertThat(d.findElement(By.id("charts")).getText()).contains("Findings by category");
        BROWSER.checkpoint("batch-charts");

        new Select(d.findElement(By.id("f-rule"))).selectByValue("CLAIM-UNITS-MIN");
        d.findElement(By.id("f-apply")).click();
        assertThat(d.findElement(By.id("matched")).getText()).isEqualTo("1");
        d.findElement(By.cssSelector("#results a.claim-link")).click();

        assertThat(d.getCurrentUrl()).contains("/batches/" + run + "/claims/");
        assertThat(d.findElement(By.id("claim-id")).getText()).isEqualTo("S-1002");
        assertThat(d.findElement(By.id("line-1")).getText()).contains("CLAIM-UNITS-MIN");
    }

    @Test
    void aRulesDocIsRenderedFromRulesDocs() {
        WebDriver d = BROWSER.driver();
        signIn("compliance", "compliance-pw");
        d.findElement(By.id("nav-rules")).click();
        assertThat(d.findElements(By.cssSelector("#catalog tbody tr"))).hasSizeGreaterThan(40);
        d.findElement(By.linkText("CLAIM-AGE-MAX")).click();
        assertThat(d.findElement(By.cssSelector("#rule-doc h1")).getText())
                .isEqualTo("CLAIM-AGE-MAX: Patient age above the plausible maximum");
        assertThat(d.findElement(By.id("rule-meta")).getText()).contains("rules/claimdata/CLAIM-AGE-MAX.drl:")
                .contains("fixture case(s)");
    }

    @Test
    void impactOfACandidateRuleFolderFindingByFinding() {
        WebDriver d = BROWSER.driver();
        signIn("admin", "admin-pw"); // runs a batch, then compares; COMPLIANCE alone compares a batch an auditor ran
        String run = uploadBatch(d);
        d.findElement(By.id("nav-impact")).click();
        new Select(d.findElement(By.id("impact-batch"))).selectByValue(run);
        new Select(d.findElement(By.id("impact-candidate"))).selectByValue("units-min-warning");
        d.findElement(By.id("impact-run")).click();

        new WebDriverWait(d, Duration.ofSeconds(120)).until(x -> !x.findElements(By.id("impact-summary")).isEmpty()
                || !x.findElements(By.id("impact-error")).isEmpty());
        assertThat(d.findElements(By.id("impact-error"))).isEmpty();
        assertThat(d.findElement(By.id("impact-changes")).getText()).isEqualTo("1");
        WebElement change = d.findElement(By.cssSelector("#impact-changes-table tbody tr"));
        assertThat(change.getText()).contains("SEVERITY", "S-1002", "CLAIM-UNITS-MIN", "ERROR → WARNING", "45.00");
        assertThat(d.findElement(By.id("impact-rules")).getText()).contains("CLAIM-UNITS-MIN");
    }

    @Test
    void aBillingUserCannotReloadRules() {
        WebDriver d = BROWSER.driver();
        signIn("billing", "billing-pw");
        d.findElement(By.id("nav-rules")).click();
        String version = d.findElement(By.id("rule-set-version")).getText();
        assertThat(d.findElements(By.id("reload"))).isEmpty();

        // the server refuses it too: post the form the page does not show, with this session's CSRF token
        ((JavascriptExecutor) d).executeScript("""
                const f = document.createElement('form');
                f.method = 'post'; f.action = '/rules/reload';
                const t = document.querySelector('input[name=_csrf]').cloneNode();
                f.appendChild(t); document.body.appendChild(f); f.submit();""");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !x.findElements(By.id("denied")).isEmpty());
        assertThat(d.findElement(By.id("denied")).getText()).contains("may not");
        d.get(url("/rules"));
        assertThat(d.findElement(By.id("rule-set-version")).getText()).isEqualTo(version);
        assertThat(d.findElements(By.id("reload-outcome"))).isEmpty();
    }

    private String uploadBatch(WebDriver d) {
        d.get(url("/batches"));
        d.findElement(By.id("batch-file")).sendKeys(SAMPLES.toAbsolutePath().toString());
        d.findElement(By.id("batch-submit")).click();
        new WebDriverWait(d, Duration.ofSeconds(120)).until(x -> !x.findElements(By.id("summary")).isEmpty()
                || !x.findElements(By.id("run-error")).isEmpty());
        assertThat(d.findElements(By.id("run-error"))).isEmpty();
        String path = d.getCurrentUrl().replaceFirst("\\?.*", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void signIn(String user, String password) {
        WebDriver d = BROWSER.driver();
        d.get(url("/login"));
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("sign-in")).click();
        // the start page, or the page asked for before signing in
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !x.findElements(By.id("who")).isEmpty());
        assertThat(d.findElement(By.id("who")).getText()).isEqualTo(user);
    }

    /** Sets a textarea's text at once (sendKeys types a long claim key by key). */
    private static void paste(WebElement area, String text) {
        WebDriver d = BROWSER.driver();
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1];", area, text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
