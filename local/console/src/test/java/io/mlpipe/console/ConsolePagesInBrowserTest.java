package io.mlpipe.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The console's pages in headless Chromium against the shared twin after the pipeline ran: each page
 * loads, the graph shows every state with its status, a click shows a state's data, and a running
 * execution updates live. Screenshots go to target/screenshots/ for people to look at.
 */
class ConsolePagesInBrowserTest {
    private static Browser browser;
    private static PipelineRuns.Runs runs;
    private Page page;

    @BeforeAll
    static void start() {
        runs = PipelineRuns.get();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void open() {
        page = browser.page();
    }

    @AfterEach
    void closePage() {
        page.close();
    }

    private Locator state(String name) {
        return page.locator("g.state[data-state=\"" + name + "\"]");
    }

    private static String executionUrl(String arn) {
        return SharedTwin.console() + "execution.html?arn=" + ConsoleHttp.encode(arn);
    }

    @Test
    void theExecutionsPageListsTheRunsAndFiltersThem() {
        page.navigate(SharedTwin.console().toString());
        Locator deployed = page.locator("tr[data-arn=\"" + runs.deployedArn() + "\"]");
        assertThat(deployed).hasAttribute("data-status", "SUCCEEDED");
        assertThat(deployed).containsText("churn");
        assertThat(page.locator("tr[data-arn=\"" + runs.failedArn() + "\"]")).hasAttribute("data-status", "FAILED");
        Browser.screenshot(page, "executions");

        page.selectOption("#status", "FAILED");
        assertThat(deployed).hasCount(0);
        assertThat(page.locator("tr[data-arn=\"" + runs.failedArn() + "\"]")).hasCount(1);
        assertTrue(page.url().contains("status=FAILED"), "the filter is in the address, to share it");
        page.selectOption("#status", "");
        page.selectOption("#model", "churn");
        assertThat(deployed).hasCount(1);
    }

    @Test
    void clickingIntoADeployedExecutionShowsTheGraphColouredByStatus() {
        page.navigate(SharedTwin.console().toString());
        page.locator("tr[data-arn=\"" + runs.deployedArn() + "\"] a").click();
        page.waitForURL("**/execution.html?arn=**");
        assertThat(page.locator("#execution-status")).hasAttribute("data-status", "SUCCEEDED");
        for (String name : List.of("NormaliseInput", "Preprocess", "Train", "Gate", "CreateEndpoint", "WaitForEndpoint", "Deployed")) {
            assertThat(state(name)).hasAttribute("data-status", "succeeded");
        }
        for (String name : List.of("RejectModelPackage", "Rejected", "RecordFailure", "Failed", "UpdateEndpoint")) {
            assertThat(state(name)).hasAttribute("data-status", "notrun");
        }
        assertEquals(SharedTwin.get().stack() == null ? 0 : pipelineStates(), page.locator("g.state").count(), "every state is drawn");
        assertTrue(page.locator("path.edge[data-kind=catch]").count() > 10, "Catch transitions are drawn");

        state("Train").click();
        assertThat(page.locator("[data-testid=selected-state]")).containsText("Train");
        assertThat(page.locator("#details pre[data-field=input]")).containsText("trainingJobName");
        assertThat(page.locator("#details pre[data-field=output]")).isVisible();
        assertThat(page.locator("#events tbody tr.highlight").first()).containsText("Train");
        Browser.screenshot(page, "execution-deployed");
        Browser.screenshot(page.locator("svg[data-testid=graph]"), "graph-deployed");
    }

    private static int pipelineStates() {
        SfnClient sfn = Clients.sfn(SharedTwin.endpoint());
        String definition = sfn.describeStateMachine(r -> r.stateMachineArn(SharedTwin.get().info().stateMachineArn())).definition();
        try {
            return SdkJson.MAPPER.readTree(definition).path("States").size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedExecutionShowsTheCaughtStateAndItsError() {
        page.navigate(executionUrl(runs.failedArn()));
        assertThat(page.locator("#execution-status")).hasAttribute("data-status", "FAILED");
        assertThat(state("Preprocess")).hasAttribute("data-status", "caught");
        assertThat(state("RecordFailure")).hasAttribute("data-status", "succeeded");
        assertThat(state("Failed")).hasAttribute("data-status", "failed");
        assertThat(state("Train")).hasAttribute("data-status", "notrun");
        assertThat(page.locator("[data-testid=execution-error]")).containsText("at least 20 are needed");

        state("Preprocess").click();
        assertThat(page.locator("#details pre[data-field=error]")).hasText("io.mlpipe.tasks.preprocess.DataValidationError");
        assertThat(page.locator("#details pre[data-field=cause]")).containsText("at least 20 are needed");
        assertThat(page.locator("#events tbody tr[data-type=TaskFailed]")).containsText("DataValidationError");
        Browser.screenshot(page, "execution-failed");
        Browser.screenshot(page.locator("svg[data-testid=graph]"), "graph-failed");
    }

    @Test
    void aRunningExecutionUpdatesLive() throws Exception {
        SfnClient sfn = Clients.sfn(SharedTwin.endpoint());
        // With the twin's wait scale (1/1000) this waits 60 s: long enough to watch, then it is stopped.
        String machine = sfn.createStateMachine(r -> r.name("console-live-" + System.nanoTime())
                .roleArn("arn:aws:iam::000000000000:role/console-test")
                .definition("""
                        {"StartAt": "Prepare", "States": {
                          "Prepare": {"Type": "Pass", "Next": "Hold"},
                          "Hold": {"Type": "Wait", "Seconds": 60000, "Next": "Done"},
                          "Done": {"Type": "Succeed"}}}""")).stateMachineArn();
        page.navigate(SharedTwin.console().toString());
        assertThat(page.locator("tr[data-arn]").first()).isVisible();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{}")).executionArn();
        Locator row = page.locator("tr[data-arn=\"" + execution + "\"]");
        assertThat(row).hasAttribute("data-status", "RUNNING"); // the list polls: no reload
        row.locator("a").click();
        page.waitForURL("**/execution.html?arn=**");
        assertThat(state("Prepare")).hasAttribute("data-status", "succeeded");
        assertThat(state("Hold")).hasAttribute("data-status", "running");
        assertThat(state("Done")).hasAttribute("data-status", "notrun");
        assertThat(page.locator("#execution-status")).hasAttribute("data-status", "RUNNING");
        Browser.screenshot(page, "execution-running");

        sfn.stopExecution(r -> r.executionArn(execution).error("Stopped").cause("by the console test"));
        assertThat(page.locator("#execution-status")).hasAttribute("data-status", "ABORTED");
        assertThat(state("Hold")).hasAttribute("data-status", "failed");
    }

    @Test
    void theModelsPageShowsTheChampionVersionsChartAndGateDecisions() {
        page.navigate(SharedTwin.console() + "models.html");
        Locator model = page.locator("section[data-model=churn]");
        assertThat(model.locator("[data-testid=champion]")).containsText("version 000001");
        assertThat(model.locator("[data-testid=versions] tr[data-version=\"000001\"]")).containsText("Approved");
        assertThat(model.locator("[data-testid=versions] tr[data-version=\"000002\"]")).containsText("Rejected");
        assertThat(model.locator("[data-testid=metric-chart] circle")).hasCount(2);
        assertThat(model.locator("[data-testid=metric-chart] circle.champion")).hasAttribute("data-version", "000001");
        assertThat(model.locator("[data-testid=runs] tr").filter(new Locator.FilterOptions().setHasText("REJECT"))
                .locator("[data-field=reason]")).containsText("threshold");
        assertThat(model.locator("[data-testid=runs]")).containsText("DEPLOY");
        Browser.screenshot(page, "models");
    }

    @Test
    void thePredictionsPageListsTheInferenceLog() {
        page.navigate(SharedTwin.console() + "predictions.html");
        Locator rows = page.locator("#predictions tbody tr[data-request]");
        assertThat(rows.first()).containsText("churn");
        assertThat(rows.first()).containsText("000001");
        Browser.screenshot(page, "predictions");
    }
}
