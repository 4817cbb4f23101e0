package com.cleantechcrm.benchmark.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the figures come from, read from {@code /proc} and the running JVM. */
public record Machine(int processors, String cpu, long memoryMebibytes, String loadAverageBefore, String javaVersion) {

    public static Machine describe() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                readCpuModel(),
                readMemoryMiB(),
                loadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The 1-, 5- and 15-minute load averages, as {@code /proc/loadavg} shows them. */
    public static String loadAverage() {
        List<String> fields = List.of(read("/proc/loadavg").trim().split("\\s+"));
        return fields.size() >= 3 ? String.join(" ", fields.subList(0, 3)) : "unknown";
    }

    private static String readCpuModel() {
        return read("/proc/cpuinfo")
                .lines()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown");
    }

    private static long readMemoryMiB() {
        return read("/proc/meminfo")
                .lines()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                .findFirst()
                .orElse(0L);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
