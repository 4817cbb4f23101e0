package com.cleantechcrm.benchmark.report;

import com.cleantechcrm.benchmark.ceiling.CeilingResult;
import com.cleantechcrm.benchmark.machine.Machine;
import com.cleantechcrm.benchmark.rebuild.RebuildTimer.RebuildResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, filled in as the parts finish; a part that failed leaves a note instead. */
public final class Results {

    public Machine machine;
    public String planName;
    public int repetitions;
    public int maxInFlight;
    public long drainSeconds;
    public String command;
    public String startedAt;
    public double minutes;
    public final List<LoadResult> loads = new ArrayList<>();
    public final Map<String, Double> residentMiB = new LinkedHashMap<>();
    public String loadAverageAtMemory;
    public final Map<Integer, CeilingResult> pgbench = new LinkedHashMap<>();
    public CeilingResult kafka;
    public int eventPayloadBytes;
    public int envelopeBytes;
    public long seededEvents;
    public double seedSeconds;
    public RebuildResult rebuild;
    public final List<String> problems = new ArrayList<>();
}
