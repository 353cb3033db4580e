package io.mlpipe.twin.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What each function prints (its log lines and the EMF metric lines Powertools writes to stdout), one
 * file per function under {@code <data>/lambda/logs/}, as CloudWatch Logs would keep it.
 *
 * <p>Handlers run in-process, so their {@code System.out}/{@code System.err} are the twin's. Once
 * installed, stdout and stderr route a thread's output to the log of the function it runs for (threads
 * it starts inherit that), and everything else to the real streams. Install it before logging frameworks
 * capture {@code System.out}: the twin does it first thing when it starts.
 */
public final class FunctionLogs {
    private static final InheritableThreadLocal<OutputStream> CURRENT = new InheritableThreadLocal<>();
    private static volatile boolean installed;

    private final Path directory;

    public FunctionLogs(Path directory) {
        this.directory = directory;
    }

    public static synchronized void installRouting() {
        if (installed) {
            return;
        }
        System.setOut(new PrintStream(new Routing(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routing(System.err), true, StandardCharsets.UTF_8));
        installed = true;
    }

    public Path file(String functionName) {
        return directory.resolve(functionName + ".log");
    }

    /** Everything the function printed so far, oldest first ("" if it never ran). */
    public String read(String functionName) {
        try {
            Path file = file(functionName);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the function's log for appending. */
    OutputStream open(String functionName) throws IOException {
        Files.createDirectories(directory);
        return Files.newOutputStream(file(functionName), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Routes this thread's (and its children's) stdout and stderr to {@code log} until {@link #detach()}. */
    static void attach(OutputStream log) {
        CURRENT.set(log);
    }

    static void detach() {
        CURRENT.remove();
    }

    private static final class Routing extends OutputStream {
        private final OutputStream original;

        Routing(OutputStream original) {
            this.original = original;
        }

        private OutputStream target() {
            OutputStream log = CURRENT.get();
            return log == null ? original : log;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }
}
