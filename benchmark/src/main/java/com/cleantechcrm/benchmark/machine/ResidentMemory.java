package com.cleantechcrm.benchmark.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The resident set size (VmRSS) of each component that {@code ./crm up} started, from its pid file. */
public final class ResidentMemory {

    public static final List<String> COMPONENTS = List.of("api-gateway", "command-service", "query-service", "kafka");

    private ResidentMemory() {}

    /** Maps each running component to its VmRSS in MiB. Components without a readable pid file are left out. */
    public static Map<String, Double> of(Path runDirectory) {
        Map<String, Double> mebibytes = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            residentKiB(runDirectory.resolve(component + ".pid"))
                    .ifPresent(kib -> mebibytes.put(component, kib / 1024.0));
        }
        return mebibytes;
    }

    private static OptionalLong residentKiB(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).trim();
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
