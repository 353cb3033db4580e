package io.mlpipe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Runs the mlpipe command through its real entry point (Main's command line), capturing what it prints. */
final class Cli {
    private Cli() {
    }

    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    /** The command against the shared twin: {@code --endpoint} appended. */
    static Result onTwin(String... args) {
        return on(SharedTwin.endpoint(), args);
    }

    static Result on(URI endpoint, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--endpoint");
        all.add(endpoint.toString());
        return run(all.toArray(String[]::new));
    }
}
