package io.mlpipe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a run measured, for the line every BENCHMARKS.md section carries. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        return "%d cores (%s), %s RAM, %s %s, load average %s".formatted(
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), loadAverage());
    }

    /** The 1-minute load average: on a shared 2-core machine the figure that says how quiet the run was. */
    public static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    private static String memory() {
        return procLine("/proc/meminfo", "MemTotal")
                .map(kb -> Format.bytes(Long.parseLong(kb.replace("kB", "").trim()) * 1024))
                .orElse("?");
    }

    private static java.util.Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
