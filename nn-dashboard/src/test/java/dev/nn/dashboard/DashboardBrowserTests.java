package dev.nn.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (headless Chromium driven by Selenium): a finished run and a live one
 * drawn, a new epoch of the live one appearing without a reload, a sweep's heat map, and how long a
 * 10,000-epoch history and a 100-trial sweep take to draw. Skipped, with one line saying so, where
 * Debian's {@code chromium} and {@code chromium-driver} are not installed ({@code .ci/run} installs them).
 */
class DashboardBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;

    private static Dashboard dashboard;
    private static ChromeDriver browser;

    @BeforeAll
    static void open() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            System.out.println("DashboardBrowserTests: skipped, no " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver)");
            Assumptions.abort("no Chromium");
        }
        Path root = Files.createDirectories(tmp.resolve("runs"));
        Fixtures.finishedRun(root.resolve("l2"), 400);
        Fixtures.liveRun(root.resolve("live"), 20);
        Fixtures.finishedRun(root.resolve("long"), 10_000);
        Path checked = Fixtures.finishedRun(root.resolve("validated"), 12);
        // as the book's runs: the validation accuracy alone
        dev.nn.monitor.HistoryFiles.writeJson(checked.resolve("history.json"), new dev.nn.monitor.History("v",
                Fixtures.history(12).records().stream().map(r -> new dev.nn.monitor.EpochRecord(r.epoch(), Double.NaN,
                        r.testAccuracy(), Double.NaN, Double.NaN)).toList(), dev.nn.monitor.History.VALIDATION));
        Fixtures.sweep(root.resolve("grid"), List.of("0.05", "0.1", "0.25", "0.5", "1"),
                List.of("0", "0.1", "0.2", "0.5", "1"), 4);
        Fixtures.runningSweep(root.resolve("running"), 3);
        Fixtures.finishedRun(root.resolve("short"), 6);
        Files.createDirectories(root.resolve("a-broken"));
        Files.writeString(root.resolve("a-broken/history.json"), "{\"epochs\": [1, 2");
        Files.createDirectories(root.resolve("z-far"));
        dev.nn.monitor.HistoryFiles.writeJson(root.resolve("z-far/history.json"), new dev.nn.monitor.History("far",
                List.of(Fixtures.epoch(1), Fixtures.epoch(2), Fixtures.epoch(Integer.MAX_VALUE))));
        dashboard = Dashboard.start(root, "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")),
                "--window-size=1400,1000");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void waitFor(String condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js("return " + condition)));
    }

    @Test
    void drawsAFinishedAndALiveRunAndTheLiveOneGrowsWithoutAReload() throws Exception {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2&run=live");
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals(400L, js("return nnCharts.accuracy.data[0].length"), "the epochs of the longer run");
        // series 1 and 2 are l2's test and training accuracy, 3 and 4 the live run's
        assertEquals(0.9 - 0.5 / 401, ((Number) js("return nnCharts.accuracy.data[1][399]")).doubleValue(), 1e-12);
        assertEquals(0.9 - 0.5 / 21, ((Number) js("return nnCharts.accuracy.data[3][19]")).doubleValue(), 1e-12);
        assertEquals(null, js("return nnCharts.accuracy.data[3][20]"), "no epoch 21 yet");
        assertTrue(((Number) js("return document.querySelectorAll('#accuracy-chart canvas').length")).intValue() > 0);
        Object reloads = js("window.notReloaded = true; return 1");
        assertEquals(1L, reloads);

        Fixtures.appendEpoch(dashboard.root().resolve("live"), 21);
        waitFor("nnCharts.accuracy.data[3][20] !== null && nnCharts.accuracy.data[3][20] !== undefined");
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true"), "the page was not reloaded");
        assertEquals("21", browser.findElement(org.openqa.selenium.By.cssSelector("tr[data-path='live'] td:nth-child(4)"))
                .getText(), "the table says so too");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aRunningSweepShowsItsFinishedTrialsAndTheNextOneWithoutAReload() throws Exception {
        browser.get("about:blank");
        browser.get(dashboard.uri().toString());
        waitFor("document.body.dataset.ready === 'true'");
        String cell = "#sweeps tr[data-path='running'] td:nth-child(3)";
        waitFor("document.querySelector(\"" + cell + "\") !== null");
        assertEquals("3 of 8", browser.findElement(org.openqa.selenium.By.cssSelector(cell)).getText());
        browser.findElement(org.openqa.selenium.By.cssSelector("#sweeps tr[data-path='running']")).click();
        waitFor("nnState.sweep && nnState.sweep.path === 'running'");
        assertEquals(3L, js("return nnState.sweep.rows.length"));
        js("window.notReloaded = true");

        Path sweep = dashboard.root().resolve("running");
        Fixtures.finishTrial(sweep, Fixtures.trialNames(sweep).get(3));
        waitFor("nnState.sweep.rows.length === 4"); // the page asks every 5 s
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true"), "the page was not reloaded");
        assertTrue(browser.findElement(org.openqa.selenium.By.id("sweep-title")).getText().startsWith("running: 4 of 8 trials"),
                browser.findElement(org.openqa.selenium.By.id("sweep-title")).getText());
    }

    @Test
    void epochTicksAreWholeAndHoveredValuesShowTheirDigits() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=short"); // 6 epochs: where ticks would fall at 1.5, 2.5, ...
        waitFor("document.body.dataset.ready === 'true'");
        @SuppressWarnings("unchecked")
        List<Number> ticks = (List<Number>) js("return nnCharts.accuracy.axes[0]._splits");
        assertTrue(ticks.size() >= 3, ticks.toString());
        for (Number t : ticks) {
            assertEquals(Math.rint(t.doubleValue()), t.doubleValue(), 0, "a whole epoch: " + ticks);
        }
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2");
        waitFor("document.body.dataset.ready === 'true'");
        // hover epoch 7: l2's test accuracy there is 0.9 - 0.5 / 8 = 0.8375, its cost 1.0 + 0.5 / 8
        js("const u = nnCharts.accuracy; u.setCursor({left: u.valToPos(7, 'x'), top: 10});"
                + " const c = nnCharts.cost; c.setCursor({left: c.valToPos(7, 'x'), top: 10});");
        @SuppressWarnings("unchecked")
        List<String> accuracy = (List<String>) js("return [...document.querySelectorAll('#accuracy-chart .u-legend .u-value')]"
                + ".map(e => e.textContent)");
        assertEquals("7", accuracy.get(0));
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", 0.9 - 0.5 / 8), accuracy.get(1));
    }

    @Test
    void whenTheTrainingThatServedThePageEndsThePageSaysSoAndHowToSeeTheRunsAgain() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("ending"));
        Fixtures.finishedRun(root.resolve("run"), 5);
        Dashboard ending = Dashboard.start(root, "127.0.0.1", 0);
        ending.endsWith("nn train");
        browser.get("about:blank");
        browser.get(ending.uri() + "#run=run");
        waitFor("document.body.dataset.ready === 'true'");
        ending.close();
        waitFor("document.getElementById('connection').textContent !== ''"); // the page asks every 5 s
        assertEquals("nn train has ended, and with it this page's server: the runs are in " + root.toRealPath()
                + ", and nn dashboard " + root.toRealPath() + " shows them again",
                browser.findElement(org.openqa.selenium.By.id("connection")).getText());
    }

    @Test
    void withNoRunInTheAddressTheFirstDrawableRunIsTickedAndTheAddressFollowsTheSelection() {
        browser.get("about:blank");
        browser.get(dashboard.uri().toString());
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals(List.of("l2"), js("return nnState.selected"), "not a-broken, which sorts first but has no epochs");
        assertEquals("#run=l2", js("return location.hash"));
        browser.findElement(org.openqa.selenium.By.cssSelector("tr[data-path='live'] input")).click();
        waitFor("nnState.selected.length === 2");
        assertEquals("#run=l2&run=live", js("return location.hash"));
        String link = browser.getCurrentUrl();
        browser.get("about:blank");
        browser.get(link);
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals(List.of("l2", "live"), js("return nnState.selected"), "the link reopens the view");
    }

    /** After nn demo, whose runs are a sweep's, the page opens with that sweep rather than nothing. */
    @Test
    void withOnlySweepsTheFirstIsOpenedAndThePageSaysWhereTheRunsAre() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("sweeps-only"));
        Fixtures.sweep(root.resolve("demo"), List.of("0.1", "0.5"), List.of("0", "0.2"), 1);
        Fixtures.sweep(root.resolve("later"), List.of("0.1"), List.of("0"), 1);
        try (Dashboard only = Dashboard.start(root, "127.0.0.1", 0)) {
            browser.get("about:blank");
            browser.get(only.uri().toString());
            waitFor("document.body.dataset.ready === 'true'");
            assertEquals("demo", js("return nnState.sweep && nnState.sweep.path"));
            assertEquals("#sweep=demo", js("return location.hash"));
            assertEquals(true, js("return !document.getElementById('no-runs').hidden"
                    + " && !document.querySelector('#no-runs .with-sweeps').hidden"
                    + " && document.querySelector('#no-runs .without-sweeps').hidden"));
        }
    }

    @Test
    void theHeatMapComparesPointsAtTheSameRungAndShowsTheSpreadAndItsScale() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#sweep=grid");
        waitFor("document.body.dataset.ready === 'true' && nnState.sweep && nnState.sweep.path === 'grid'");
        assertEquals("#sweep=grid", js("return location.hash"), "the address names the open sweep");
        String cell = (String) js("return document.querySelector('#heat-map td').textContent");
        assertTrue(cell.matches("0\\.\\d{4} \u00b10\\.\\d{4}"), "mean and spread of 4 seeds: " + cell);
        assertEquals(2L, js("return document.querySelectorAll('#heat-map .legend span:not(.ramp)').length"),
                "the scale's two ends");
        // a halving sweep: eta=0.5 went to the last rung with one of its two seeds, the others stopped at rung 1
        js("renderHeatMap({grid: [{name: 'eta', values: ['0.1', '0.5']}, {name: 'l2', values: ['0']}], random: false,"
                + " columns: ['trial', 'status', 'eta', 'l2', 'seed', 'epochs_run', 'rung', 'final_test_accuracy'],"
                + " rows: [['a', 'ok', '0.1', '0', '1', '3', '1', '0.5'], ['b', 'ok', '0.1', '0', '2', '3', '1', '0.7'],"
                + " ['c', 'ok', '0.5', '0', '1', '3', '1', '0.8'], ['d', 'ok', '0.5', '0', '2', '9', '2', '0.9']]})");
        assertEquals(List.of("0.6000 \u00b10.14143 epochs", "0.90009 epochs, 1 of 2 seeds"),
                js("return [...document.querySelectorAll('#heat-map td')].map(td => td.textContent)"));
        assertEquals(List.of(true, false), js("return [...document.querySelectorAll('#heat-map td')]"
                + ".map(td => td.classList.contains('earlier'))"), "the point stopped early is grey, off the scale");
    }

    @Test
    void inADarkSystemThePageAndItsChartsAreDark() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2");
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals("rgb(255, 255, 255)", js("return getComputedStyle(document.body).backgroundColor"));
        assertEquals("#222", js("return nnCharts.accuracy.axes[0].stroke(nnCharts.accuracy, 0)"));
        try {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                    List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
            waitFor("getComputedStyle(document.body).backgroundColor === 'rgb(21, 23, 26)'");
            // the charts are drawn again, their axes and labels light on the dark page
            waitFor("nnCharts.accuracy.axes[0].stroke(nnCharts.accuracy, 0) === '#ddd'");
            assertEquals("#ddd", js("return nnCharts.cost.axes[1].stroke(nnCharts.cost, 1)"));
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", List.of()));
        }
    }

    @Test
    void smoothingAveragesTheCurvesAndTheHoverKeepsTheMeasuredValue() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2");
        waitFor("document.body.dataset.ready === 'true'");
        @SuppressWarnings("unchecked")
        List<Number> measured = (List<Number>) js("return nnCharts.accuracy.data[1].slice(0, 3)");
        js("const s = document.getElementById('smoothing'); s.value = '0.9'; s.dispatchEvent(new Event('input'));");
        @SuppressWarnings("unchecked")
        List<Number> smoothed = (List<Number>) js("return nnCharts.accuracy.data[1].slice(0, 3)");
        double w = 0.9;
        double a1 = (1 - w) * measured.get(0).doubleValue();
        double a2 = w * a1 + (1 - w) * measured.get(1).doubleValue();
        assertEquals(measured.get(0).doubleValue(), smoothed.get(0).doubleValue(), 1e-12, "starts at the first value");
        assertEquals(a2 / (1 - w * w), smoothed.get(1).doubleValue(), 1e-12, "a moving average without the start's bias");
        assertTrue(Math.abs(smoothed.get(2).doubleValue() - measured.get(2).doubleValue()) > 1e-6, "it changes the curve");
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f (measured %.4f)", smoothed.get(1).doubleValue(),
                measured.get(1).doubleValue()), js("const u = nnCharts.accuracy; return u.series[1].value(u,"
                        + " u.data[1][1], 1, 1)"));
        // the measured curves are drawn faint behind the smoothed ones: a stroke more per curve shown
        String strokes = "const done = arguments[arguments.length - 1];"
                + " const proto = CanvasRenderingContext2D.prototype, stroke = proto.stroke; let n = 0;"
                + " proto.stroke = function () { n++; return stroke.apply(this, arguments); };"
                + " nnCharts.accuracy.redraw(false, false);" // uPlot draws on its next turn
                + " setTimeout(() => { proto.stroke = stroke; done(n); }, 200);";
        long smoothedStrokes = ((Number) browser.executeAsyncScript(strokes)).longValue();
        js("const s = document.getElementById('smoothing'); s.value = '0'; s.dispatchEvent(new Event('input'));");
        assertEquals(measured, js("return nnCharts.accuracy.data[1].slice(0, 3)"), "0: the measured curve");
        assertEquals(((Number) browser.executeAsyncScript(strokes)).longValue() + 2, smoothedStrokes,
                "l2's test and training curves, faint");
    }

    @Test
    void chartsSaveAsPngAndTablesAsCsv() throws Exception {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2&sweep=grid");
        waitFor("document.body.dataset.ready === 'true' && nnState.sweep !== null");
        waitFor("nnCharts.accuracy.width === Math.max(280, document.getElementById('accuracy-chart').clientWidth)");
        String png = (String) js("return chartPng(nnCharts.accuracy)");
        assertTrue(png.startsWith("data:image/png;base64,"), png.substring(0, 40));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        long canvasWidth = ((Number) js("return nnCharts.accuracy.ctx.canvas.width")).longValue();
        long canvasHeight = ((Number) js("return nnCharts.accuracy.ctx.canvas.height")).longValue();
        assertEquals(canvasWidth, image.getWidth());
        assertTrue(image.getHeight() > canvasHeight, "the title and the legend beside the plot");
        assertEquals(0xffffff, image.getRGB(0, 0) & 0xffffff, "on the page's background");
        javax.imageio.ImageIO.write(image, "png", new File("target/saved-accuracy-chart.png")); // to look at

        String runs = (String) js("return runsCsv()");
        List<String> lines = List.of(runs.split("\n"));
        assertEquals("path,status,epochs,finalTestAccuracy,bestTestAccuracy,evaluatedOn,config,problem", lines.get(0));
        assertEquals(((Number) js("return nnState.runs.length")).longValue() + 1, lines.size());
        assertTrue(runs.contains("l2,finished,400,"), runs);
        assertTrue(runs.contains(",\"784-30-10, epochs 400, eta 0.5, l2 0.2\","), "a field with commas is quoted: " + runs);
        String results = (String) js("return resultsCsv()");
        assertEquals(Files.readString(tmp.resolve("runs/grid/results.csv")).replace("\r\n", "\n"), results,
                "the sweep's results as recorded");
    }

    @Test
    void tablesSortFromTheKeyboard() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2&sweep=grid");
        waitFor("document.body.dataset.ready === 'true' && nnState.sweep !== null");
        org.openqa.selenium.WebElement epochs = browser.findElement(org.openqa.selenium.By.cssSelector(
                "#runs th[data-key='epochs']"));
        epochs.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals(java.util.Map.of("key", "epochs", "dir", 1L), js("return nnState.sort.runs"));
        epochs.sendKeys(" ");
        assertEquals(-1L, js("return nnState.sort.runs.dir"), "again: the other way");
        browser.findElement(org.openqa.selenium.By.cssSelector("#results th[data-key='final_test_accuracy']"))
                .sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals("final_test_accuracy", js("return document.activeElement.dataset.key"), "focus stays on the column");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals(-1L, js("return nnState.sort.results.dir"));
    }

    @Test
    void aSweepsTrialsShowAsAScatterAndParallelCoordinatesAndAClickOverlaysOne() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#sweep=grid");
        waitFor("document.body.dataset.ready === 'true' && nnState.sweep !== null");
        long trials = ((Number) js("return nnState.sweep.rows.filter(r => r[1] === 'ok').length")).longValue();
        assertEquals(trials, ((Number) js("return document.querySelectorAll('#scatter circle').length")).longValue(),
                "a point per finished trial");
        assertEquals(trials, ((Number) js("return document.querySelectorAll('#parallel polyline').length")).longValue(),
                "a line per finished trial");
        assertEquals(List.of("eta", "l1"), js("return [...document.querySelectorAll('#scatter-x option')].map(o => o.value)"));
        assertEquals(true, js("return document.querySelector('#scatter text:last-of-type').textContent"
                + ".startsWith('eta')"));
        // the parallel axes: each swept flag, then the accuracy; eta's values span 20x, so its axis is logarithmic
        assertEquals(List.of("eta (log)", "l1", "final test accuracy"), js("return [...document.querySelectorAll("
                + "'#parallel > text')].filter(t => t.getAttribute('y') == 252).map(t => t.textContent)"));
        js("const s = document.getElementById('scatter-x'); s.value = 'l1'; s.dispatchEvent(new Event('change'));");
        assertEquals("l1", js("return nnState.scatterX"));
        String title = (String) js("return document.querySelector('#scatter circle title').textContent");
        // (the seeds of a point lie on one another: the first point's own click)
        js("document.querySelector('#scatter circle').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        waitFor("nnState.selected.some(p => p.startsWith('grid/trials/" + title.substring(0, title.indexOf(':'))
                + "'))");
    }

    @Test
    void twoSweepsSideBySideAtThePointsTheyShare() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#sweep=grid");
        waitFor("document.body.dataset.ready === 'true' && nnState.sweep !== null");
        js("const s = document.getElementById('compare-with'); s.value = 'running'; s.dispatchEvent(new Event('change'));");
        waitFor("document.querySelectorAll('#comparison tr').length > 1");
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) js("return [...document.querySelectorAll('#comparison tr')]"
                + ".map(tr => [...tr.children].map(c => c.textContent))");
        assertEquals(List.of("eta l1", "grid", "running", "difference"), rows.get(0));
        // the running sweep has finished eta=0.25 with l1=0 (both seeds) and l1=0.2 (one seed) so far
        assertEquals(List.of("eta=0.25 l1=0", "eta=0.25 l1=0.2"), rows.subList(1, rows.size()).stream()
                .map(r -> r.get(0)).toList());
        for (List<String> r : rows.subList(1, rows.size())) {
            double a = Double.parseDouble(r.get(1).substring(0, 6));
            double b = Double.parseDouble(r.get(2).substring(0, 6));
            assertEquals(b - a, Double.parseDouble(r.get(3)), 2e-4, r.toString());
            assertTrue(r.get(1).endsWith("(4)"), "grid's four seeds: " + r);
        }
        assertTrue(rows.get(1).get(2).endsWith("(2)") && rows.get(2).get(2).endsWith("(1)"), rows.toString());
    }

    @Test
    void aRunKeepsItsColourWhenAnotherIsUnticked() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2&run=live&run=short");
        waitFor("document.body.dataset.ready === 'true'");
        String swatch = "return getComputedStyle(document.querySelector(\"tr[data-path='%s'] .swatch\")).backgroundColor";
        Object live = js(String.format(swatch, "live"));
        Object shortRun = js(String.format(swatch, "short"));
        assertTrue(!live.equals(shortRun), live + " " + shortRun);
        browser.findElement(org.openqa.selenium.By.cssSelector("tr[data-path='l2'] input")).click();
        waitFor("nnState.selected.length === 2");
        assertEquals(live, js(String.format(swatch, "live")));
        assertEquals(shortRun, js(String.format(swatch, "short")));
        browser.findElement(org.openqa.selenium.By.cssSelector("tr[data-path='long'] input")).click();
        waitFor("document.querySelector(\"tr[data-path='long'] .swatch\") !== null");
        Object longRun = js(String.format(swatch, "long"));
        assertTrue(!longRun.equals(live) && !longRun.equals(shortRun), "a free colour: " + longRun);
    }

    @Test
    void theLegendMarksTestSolidAndTrainingDashedAndNamesATrialByItsOwnName() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2&run=grid/trials/" + "t001-eta%3D0.05-l1%3D0-seed%3D1");
        waitFor("document.body.dataset.ready === 'true'");
        @SuppressWarnings("unchecked")
        List<String> styles = (List<String>) js("return [...document.querySelectorAll('#accuracy-chart .u-legend .u-marker')]"
                + ".map(e => getComputedStyle(e).borderTopStyle)");
        assertEquals(List.of("solid", "dashed", "solid", "dashed"), styles.subList(styles.size() - 4, styles.size()));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return [...document.querySelectorAll('#accuracy-chart .u-legend .u-label')]"
                + ".map(e => e.textContent)");
        assertTrue(labels.contains("t001-eta=0.05-l1=0-seed=1 test"), labels.toString());
    }

    @Test
    void aRunMeasuredOnTheValidationDataSaysSoInTheLegendTheTableAndTheCsv() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=validated");
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals(null, js("return nnCharts.cost"), "no cost measured: no empty cost chart");
        assertEquals("No cost measured for these runs (nn train --monitor measures it).",
                browser.findElement(org.openqa.selenium.By.cssSelector("#cost-chart .no-cost")).getText());
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=validated&run=l2");
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals(true, js("return nnCharts.cost !== null"), "l2 measured its cost");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return [...document.querySelectorAll('#accuracy-chart .u-legend .u-label')]"
                + ".map(e => e.textContent)");
        assertTrue(labels.contains("validated validation") && labels.contains("l2 test"), labels.toString());
        String cell = browser.findElement(org.openqa.selenium.By.cssSelector("tr[data-path='validated'] td:nth-child(5)"))
                .getText();
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f val.", 0.9 - 0.5 / 13), cell);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", 0.9 - 0.5 / 401), browser.findElement(
                org.openqa.selenium.By.cssSelector("tr[data-path='l2'] td:nth-child(5)")).getText());
        String runs = (String) js("return runsCsv()");
        assertTrue(runs.contains("\nvalidated,finished,12,") && runs.contains(",validation,"), runs);
    }

    @Test
    void aSweepsTrialMeasuredOnTheValidationDataIsLabelledFromItsOwnFiles() throws IOException {
        Path trial;
        try (java.util.stream.Stream<Path> trials = Files.list(tmp.resolve("runs/grid/trials"))) {
            trial = trials.sorted().reduce((a, b) -> b).orElseThrow(); // the last, which no other test opens
        }
        dev.nn.monitor.HistoryFiles.writeJson(trial.resolve("history.json"), new dev.nn.monitor.History("t",
                Fixtures.history(3).records(), dev.nn.monitor.History.VALIDATION));
        String path = "grid/trials/" + trial.getFileName();
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8) + "&run=l2");
        waitFor("document.body.dataset.ready === 'true'");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return [...document.querySelectorAll('#accuracy-chart .u-legend .u-label')]"
                + ".map(e => e.textContent)");
        assertTrue(labels.contains(trial.getFileName() + " validation") && labels.contains("l2 test"), labels.toString());
    }

    @Test
    void theInsetZoomsOnTheTestCurveAsTheBooksDoes() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2");
        waitFor("document.body.dataset.ready === 'true'");
        browser.findElement(org.openqa.selenium.By.id("inset")).click();
        // from epoch 100 the test accuracy is 0.9 - 0.5 / (e + 1): 0.8950-0.8988; training is 0.05 above
        double min = ((Number) js("return nnCharts.accuracy.scales.y.min")).doubleValue();
        double max = ((Number) js("return nnCharts.accuracy.scales.y.max")).doubleValue();
        assertTrue(min > 0.894 && max < 0.8992, "y " + min + ".." + max);
        assertEquals(100.0, ((Number) js("return nnCharts.accuracy.scales.x.min")).doubleValue());
        browser.findElement(org.openqa.selenium.By.id("reset")).click();
        assertTrue(((Number) js("return nnCharts.accuracy.scales.y.max")).doubleValue() > 0.94, "the whole run again");
    }

    @Test
    void hoverAndZoomAreLinkedBetweenTheChartsAndAZoomOutlastsTickingARun() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2");
        waitFor("document.body.dataset.ready === 'true'");
        // as a mouse move does: published to the other chart
        js("const u = nnCharts.accuracy; u.setCursor({left: u.valToPos(42, 'x'), top: 10}, true, true)");
        assertEquals(41L, ((Number) js("return nnCharts.cost.cursor.idx")).longValue(), "epoch 42 under the cursor in both");
        js("nnCharts.accuracy.setScale('x', {min: 50, max: 150})");
        assertEquals(50.0, ((Number) js("return nnCharts.cost.scales.x.min")).doubleValue());
        assertEquals(150.0, ((Number) js("return nnCharts.cost.scales.x.max")).doubleValue());
        browser.findElement(org.openqa.selenium.By.cssSelector("tr[data-path='short'] input")).click();
        waitFor("nnState.selected.length === 2 && nnCharts.accuracy.series.length === 5");
        assertEquals(50.0, ((Number) js("return nnCharts.accuracy.scales.x.min")).doubleValue(), "the zoom is kept");
        assertEquals(50.0, ((Number) js("return nnCharts.cost.scales.x.min")).doubleValue());
    }

    @Test
    void trainingCurvesCanBeHiddenAndTheCostAxisMadeLogarithmic() {
        browser.get("about:blank");
        browser.get(dashboard.uri() + "#run=l2");
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals(Boolean.TRUE, js("return nnCharts.accuracy.series[2].show"));
        browser.findElement(org.openqa.selenium.By.id("show-training")).click();
        assertEquals(Boolean.FALSE, js("return nnCharts.accuracy.series[2].show"), "training hidden");
        assertEquals(Boolean.TRUE, js("return nnCharts.accuracy.series[1].show"), "test still shown");
        assertEquals(Boolean.FALSE, js("return nnCharts.cost.series[2].show"));
        browser.findElement(org.openqa.selenium.By.id("log-cost")).click();
        assertEquals(3L, ((Number) js("return nnCharts.cost.scales.y.distr")).longValue(), "a log cost axis");
        assertEquals(1L, ((Number) js("return nnCharts.accuracy.scales.y.distr")).longValue(), "accuracy stays linear");
        assertEquals(Boolean.FALSE, js("return nnCharts.cost.series[2].show"), "and training stays hidden");
    }

    /** Returns the bounding box of an element: left, top, right, bottom. */
    @SuppressWarnings("unchecked")
    private static List<Number> box(String id) {
        return (List<Number>) js("const r = document.getElementById('" + id + "').getBoundingClientRect();"
                + " return [r.left, r.top, r.right, r.bottom];");
    }

    /** The page's errors in the console since the last call. */
    private static List<String> consoleErrors() {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
    }

    /** A history may skip epochs, up to the largest number a file can hold (the page drew nothing at all). */
    @Test
    void aRunWhoseEpochsSkipToTheLargestNumberIsDrawn() {
        browser.get("about:blank");
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // drops earlier entries
        browser.get(dashboard.uri() + "#run=z-far&run=short");
        waitFor("document.body.dataset.ready === 'true' && nnState.selected.length === 2");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, (long) Integer.MAX_VALUE), js("return nnCharts.accuracy.data[0]"));
        assertEquals(Fixtures.epoch(Integer.MAX_VALUE).testAccuracy(),
                ((Number) js("return nnCharts.accuracy.data[1][6]")).doubleValue(), 1e-12);
        assertEquals(null, js("return nnCharts.accuracy.data[1][2]"), "z-far has no epoch 3");
        assertEquals(Fixtures.epoch(6).testAccuracy(), ((Number) js("return nnCharts.accuracy.data[3][5]")).doubleValue(),
                1e-12);
        browser.findElement(org.openqa.selenium.By.id("inset")).click();
        assertEquals(100.0, ((Number) js("return nnCharts.accuracy.scales.x.min")).doubleValue());
        @SuppressWarnings("unchecked")
        List<Number> ticks = (List<Number>) js("return nnCharts.accuracy.axes[0]._splits");
        assertTrue(ticks.size() <= 20, "a few ticks, not one every 100,000 epochs: " + ticks.size());
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void thePageLeavesNoErrorInTheConsole() {
        browser.get("about:blank");
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // drops earlier entries
        browser.get(dashboard.uri() + "#run=l2&run=live");
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void theLayoutHoldsAtOrdinaryWidths() {
        try {
            for (int width : new int[] {1920, 2560}) { // wide screens: side by side, nothing overlaps or scrolls sideways
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1200));
                browser.get("about:blank");
                browser.get(dashboard.uri() + "#run=l2&run=live");
                waitFor("document.body.dataset.ready === 'true'");
                waitFor("nnCharts.accuracy.width <= document.getElementById('charts').getBoundingClientRect().width + 1");
                List<Number> lists = box("lists");
                List<Number> charts = box("charts");
                assertTrue(lists.get(2).doubleValue() <= charts.get(0).doubleValue(), width + ": " + lists + " overlaps "
                        + charts);
                assertTrue(charts.get(2).doubleValue() <= width, width + ": the charts end inside the window " + charts);
                assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth + 1"),
                        width + ": the page scrolls sideways");
            }
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
            browser.get("about:blank");
            browser.get(dashboard.uri() + "#run=l2&run=live");
            waitFor("document.body.dataset.ready === 'true'");
            // side by side, the lists end where the charts begin: a wide table scrolls in its own column
            List<Number> lists = box("lists");
            List<Number> charts = box("charts");
            assertTrue(lists.get(2).doubleValue() <= charts.get(0).doubleValue(), lists + " overlaps " + charts);
            // and the runs table fits its column: the configuration under each run's name, not cut off at its edge
            assertEquals(Boolean.TRUE, js("const l = document.getElementById('lists');"
                    + " return l.scrollWidth <= l.clientWidth + 1"), "the runs table scrolls sideways at 1400 px");
            // the chart fits its column once the page has settled (a scroll bar that appears narrows it)
            waitFor("nnCharts.accuracy.width <= document.getElementById('charts').getBoundingClientRect().width + 1");
            charts = box("charts");
            double wide = ((Number) js("return nnCharts.accuracy.width")).doubleValue();
            assertTrue(wide <= charts.get(2).doubleValue() - charts.get(0).doubleValue() + 1, "the chart fits its column");

            // a narrow window: the charts below the lists, and redrawn to the new width
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(500, 1000));
            waitFor("nnCharts.accuracy.width < " + wide);
            lists = box("lists");
            charts = box("charts");
            assertTrue(charts.get(1).doubleValue() >= lists.get(3).doubleValue(), "stacked: " + lists + " " + charts);
            assertTrue(((Number) js("return nnCharts.accuracy.width")).doubleValue()
                    <= charts.get(2).doubleValue() - charts.get(0).doubleValue() + 1, "the chart follows the window");
            // and the runs table fits the window: the configuration goes under each run's name
            assertEquals(Boolean.TRUE, js("const l = document.getElementById('lists');"
                    + " return l.scrollWidth <= l.clientWidth + 1"), "the runs table scrolls sideways at 500 px");
            assertEquals("none", js("return getComputedStyle(document.querySelector('#runs td.config')).display"));
            assertEquals("block", js("return getComputedStyle(document.querySelector('#runs .config-inline')).display"));

            // an open sweep: its results table (every column of results.csv) scrolls in its own box, not the page
            for (int width : new int[] {1400, 500}) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
                browser.get("about:blank");
                browser.get(dashboard.uri() + "#sweep=grid");
                waitFor("document.body.dataset.ready === 'true' && document.querySelectorAll('#results tbody tr').length > 0");
                assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth + 1"),
                        width + ": a sweep's results make the page scroll sideways: " + js("return [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 12)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')"));
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
    }

    @Test
    void aLongHistoryAndABigSweepDrawQuickly() {
        browser.get("about:blank"); // a new page, not a new fragment of the last one
        browser.get(dashboard.uri() + "#run=long");
        waitFor("document.body.dataset.ready === 'true'");
        assertEquals(10_000L, js("return nnCharts.accuracy.data[0].length"));
        // time a full redraw of both charts from the data, and selecting a 100-trial sweep
        double drawMillis = ((Number) js("const t = performance.now(); drawCharts(); return performance.now() - t;"))
                .doubleValue();
        browser.findElement(org.openqa.selenium.By.cssSelector("#sweeps tr[data-path='grid']")).click();
        waitFor("document.querySelectorAll('#results tbody tr').length === 100");
        double sweepMillis = ((Number) js("const t = performance.now(); renderResults(); "
                + "renderHeatMap(nnState.sweep); return performance.now() - t;")).doubleValue();
        assertEquals(25L, ((Number) js("return document.querySelectorAll('#heat-map td').length"))
                .longValue(), "a cell per grid point");
        System.out.println(String.format(Locale.ROOT, "DASHBOARD 10000-epoch run: both charts drawn in %.0f ms;"
                + " 100-trial sweep: table and heat map in %.0f ms", drawMillis, sweepMillis));
        assertTrue(drawMillis < 2000 && sweepMillis < 2000, drawMillis + " ms, " + sweepMillis + " ms");
        assertTrue(new File("target").isDirectory());
    }
}
