package io.mlpipe.bench.inference;

import io.mlpipe.bench.Command;
import java.util.Map;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's wrk posting one JSON body over keep-alive connections (a Lua script sets method, header and body),
 * with {@code --latency}; reads p50, p99 and requests/s from its report. Any non-2xx answer or socket error
 * fails the run: numbers of failing requests mean nothing.
 */
final class Wrk {
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*(\\d+) requests in ");

    record Result(double p50Nanos, double p99Nanos, double requestsPerSecond, long requests) {
    }

    private Wrk() {
    }

    /** Whether {@code wrk} is on the PATH, where {@link #post} runs it from. */
    static boolean installed() {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk")));
    }

    static Result post(Path scratch, String name, URI url, String body, int threads, int connections, int seconds)
            throws IOException, InterruptedException {
        Path bodyFile = scratch.resolve(name + ".json");
        Files.writeString(bodyFile, body);
        Path script = scratch.resolve(name + ".lua");
        Files.writeString(script, """
                -- POST the prediction request in %s on every connection
                local file = assert(io.open("%s", "rb"))
                wrk.method = "POST"
                wrk.body = file:read("*a")
                file:close()
                wrk.headers["Content-Type"] = "application/json"
                """.formatted(bodyFile.getFileName(), bodyFile.toAbsolutePath()));
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s", "-s", script.toString(), url.toString());
        Command.Result run = Command.run(command, null, Map.of(), false, seconds + 60L);
        String report = run.stdout() + run.stderr();
        if (run.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + run.exitCode() + "):\n" + report);
        }
        Files.writeString(scratch.resolve(name + ".wrk.txt"), report);
        return parse(report, String.join(" ", command));
    }

    static Result parse(String report, String command) {
        if (report.contains("Non-2xx or 3xx responses") || report.contains("Socket errors")) {
            throw new IllegalStateException(command + " saw failing requests; its report:\n" + report);
        }
        double p50 = -1;
        double p99 = -1;
        double rate = -1;
        long requests = -1;
        for (String line : report.split("\n")) {
            Matcher percentile = PERCENTILE.matcher(line);
            if (percentile.matches()) {
                double nanos = nanos(Double.parseDouble(percentile.group(2)), percentile.group(3));
                if (percentile.group(1).equals("50")) {
                    p50 = nanos;
                } else {
                    p99 = nanos;
                }
            }
            Matcher total = TOTAL.matcher(line);
            if (total.find()) {
                requests = Long.parseLong(total.group(1));
            }
            Matcher r = RATE.matcher(line);
            if (r.matches()) {
                rate = Double.parseDouble(r.group(1));
            }
        }
        if (p50 < 0 || p99 < 0 || rate < 0 || requests < 0) {
            throw new IllegalStateException("cannot read p50, p99 and Requests/sec from the report of " + command
                    + " (was --latency passed?):\n" + report);
        }
        return new Result(p50, p99, rate, requests);
    }

    private static double nanos(double value, String unit) {
        return value * switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
    }

    /** For the report: the command line without the scratch paths. */
    static String describe(int threads, int connections, int seconds) {
        return "wrk -t" + threads + " -c" + connections + " -d" + seconds + "s --latency";
    }
}
