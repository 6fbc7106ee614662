package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.run.UsageException;
import dev.nn.dashboard.Dashboard;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nn dashboard}: serves the page of the runs and sweeps under a directory until Ctrl-C. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serve a page of the runs and sweeps under DIR: their curves overlaid, a sweep's results and"
                + " heat map, runs in progress updating live. Read-only; Ctrl-C stops it.")
public final class DashboardCommand implements Callable<Integer> {

    @ParentCommand
    AppContextSource parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "runs",
            description = "The directory of runs and sweeps (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + Dashboard.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}; 0 for a free one).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 lets"
                    + " other machines read the runs).")
    String host;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + ": " + dev.nn.core.io.PathKind.notADirectory(dir) + "; give the directory of"
                    + " runs to show (nn train and nn sweep write theirs under runs/)");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + ": expected 0 to 65535");
        }
        Dashboard dashboard;
        try {
            dashboard = Dashboard.start(dir, host, port);
        } catch (BindException e) {
            throw new UsageException("--port " + port + " on " + host + ": " + e.getMessage() + " (choose another port,"
                    + " or --port 0 for a free one)");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--host " + host + ": not an address of this machine");
        }
        ctx.out().println("nn dashboard: serving " + dir + " at " + dashboard.uri() + " (Ctrl-C stops)");
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            ctx.out().println("nn dashboard: listening on " + host + ": anyone who can reach this machine on port "
                    + dashboard.uri().getPort() + " can read the runs in " + dir);
        }
        new CountDownLatch(1).await();
        return 0;
    }
}
