package se.nduh.localplatform.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The heap of a process the launcher started, read from outside with the JDK's {@code jstat} (the pid from the
 * launcher's pid file): the infrastructure process has no actuator, and the applications' actuators may not say.
 */
final class JvmHeap {

    private static final double KILOBYTE = 1024;

    /** Heap in use and the most it may grow to, how full the old generation is, and the time spent in GC so far. */
    record Reading(double usedBytes, double maxBytes, double oldGenerationPercent, double gcSeconds) {
    }

    private JvmHeap() {
    }

    /** The component's heap now, or empty when it is not running from this data directory or there is no {@code jstat}. */
    static Optional<Reading> of(Path dataDir, String component) {
        try {
            String pid = Files.readString(dataDir.resolve("run").resolve(component + ".pid")).strip();
            Map<String, Double> gc = jstat("-gc", pid);
            Map<String, Double> capacity = jstat("-gccapacity", pid);
            double used = gc.get("S0U") + gc.get("S1U") + gc.get("EU") + gc.get("OU");
            return Optional.of(new Reading(used * KILOBYTE, (capacity.get("NGCMX") + capacity.get("OGCMX")) * KILOBYTE,
                    100 * gc.get("OU") / gc.get("OC"), gc.get("GCT")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** One line of {@code jstat OPTION PID}: its header's column names to their values. */
    private static Map<String, Double> jstat(String option, String pid) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jstat = new ProcessBuilder(java.resolveSibling("jstat").toString(), option, pid).redirectErrorStream(true).start();
        List<String> lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (!jstat.waitFor(30, TimeUnit.SECONDS) || jstat.exitValue() != 0 || lines.size() < 2) {
            throw new IllegalStateException("jstat " + option + " " + pid + " answered " + lines);
        }
        String[] names = lines.get(0).trim().split("\\s+");
        String[] values = lines.get(1).trim().split("\\s+");
        Map<String, Double> columns = new HashMap<>();
        for (int i = 0; i < Math.min(names.length, values.length); i++) {
            columns.put(names[i], values[i].equals("-") ? Double.NaN : Double.parseDouble(values[i]));
        }
        return columns;
    }
}
