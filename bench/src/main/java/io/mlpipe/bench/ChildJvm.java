package io.mlpipe.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A main class run in a fresh JVM: for what only a new process shows (cold start, a heap cap), with this
 * JVM's java and, unless told otherwise, its class path.
 */
public final class ChildJvm {
    /** The JIT Lambda's java17 and java21 runtimes run a function with, unless its JAVA_TOOL_OPTIONS say otherwise: C1 only. */
    public static final String LAMBDA_DEFAULT_JIT = "-XX:TieredStopAtLevel=1";
    private final String mainClass;
    private String classpath = System.getProperty("java.class.path");
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private long timeoutSeconds = 600;
    private boolean progressShown;

    private ChildJvm(String mainClass) {
        this.mainClass = mainClass;
    }

    public static ChildJvm of(Class<?> mainClass) {
        return new ChildJvm(mainClass.getName());
    }

    public ChildJvm classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    public ChildJvm jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    public ChildJvm arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    /** Variables added to (or replacing) this process's environment in the child's. */
    public ChildJvm environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    public ChildJvm timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** The child's stderr goes to this process's as it comes, for a child that reports its progress there. */
    public ChildJvm showingProgress() {
        this.progressShown = true;
        return this;
    }

    public Command.Result run() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        return Command.run(command, null, environment, progressShown, timeoutSeconds);
    }
}
