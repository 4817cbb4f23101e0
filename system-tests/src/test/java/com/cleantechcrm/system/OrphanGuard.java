package com.cleantechcrm.system;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Ends a process that this test JVM started once the JVM is gone, even when the JVM dies without running its shutdown
 * hooks (SIGKILL, a fork that times out). Each guarded process gets a small shell in a session of its own, so a Ctrl-C
 * to the build does not end the guard too. The guard polls both processes once a second and exits when either ends.
 */
public final class OrphanGuard {

    private OrphanGuard() {}

    /** Sends SIGKILL to {@code process} when this JVM exits first. */
    public static void killWithThisJvm(Process process) throws IOException {
        guard(process.pid(), "KILL");
    }

    /**
     * Sends {@code signal} (a name such as {@code QUIT}) to the process {@code pid} when this JVM exits first. This is
     * for a process that this JVM did not start itself, such as a server that {@code pg_ctl} put in the background.
     */
    public static void signalWithThisJvm(long pid, String signal) throws IOException {
        guard(pid, signal);
    }

    private static void guard(long pid, String signal) throws IOException {
        long jvm = ProcessHandle.current().pid();
        String script = "while kill -0 " + jvm + " 2>/dev/null && kill -0 " + pid + " 2>/dev/null; do sleep 1; done;"
                + " kill -0 " + jvm + " 2>/dev/null || kill -" + signal + " " + pid + " 2>/dev/null; exit 0";
        new ProcessBuilder(List.of("setsid", "sh", "-c", script))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }
}
