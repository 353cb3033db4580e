package io.mlpipe.cli.commands;

import io.mlpipe.cli.local.LocalTwin;
import io.mlpipe.cli.local.TwinOptions;
import io.mlpipe.cli.connection.Resources;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the local twin in the foreground (Ctrl-C stops it; its state stays in the data directory)."})
public final class UpCommand implements Callable<Integer> {
    @Mixin
    TwinOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("mlpipe twin starting (data in " + options.dataDirectory.toAbsolutePath() + ", wait scale "
                + options.waitScale + ") ...");
        out.flush();
        LocalTwin twin = LocalTwin.start(options, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("mlpipe twin stopping ...");
            twin.close();
            System.err.println("mlpipe twin stopped (state kept in " + options.dataDirectory.toAbsolutePath() + ")");
            stopped.countDown();
        }, "mlpipe-twin-shutdown"));
        Resources r = twin.resources();
        out.printf("mlpipe twin ready in %.1f s%n", twin.twin().startupMillis() / 1000.0);
        ResourceLines.print(r, out);
        out.println();
        out.println("Try it:");
        if (!r.endpoint().equals("http://127.0.0.1:4566")) {
            out.println("  export MLPIPE_ENDPOINT=" + r.endpoint() + "   # so ./mlpipe commands find this twin");
        }
        out.println("  " + ResourceLines.awsCli(r) + " s3 cp data.csv s3://" + r.bucket() + "/incoming/<model>/");
        out.println("  ./mlpipe watch                  # follow the execution the drop starts");
        out.println("  ./mlpipe demo                   # the whole story on sample data");
        out.println("  ./mlpipe --help                 # every command");
        out.println("Ctrl-C stops the twin.");
        out.flush();
        stopped.await();
        return 0;
    }
}
