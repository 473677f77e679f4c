package com.capitalledger.api.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Busy CPU time by process, for "how much does a command cost, and where": the service (this JVM without the
 * benchmark's own HTTP clients, which share it), PostgreSQL (its postmaster and every backend, from /proc) and the
 * benchmark's clients. The clients' threads come from {@link #clientThreads()}; the JDK's HTTP client's selector
 * thread is recognised by its name. NaN for PostgreSQL where there is no /proc (not Linux).
 */
final class ProcessCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long TICKS_PER_SECOND = 100;

    /** Every client thread alive, and the CPU of those that ended. */
    private final Set<Thread> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong endedClientsNanos = new AtomicLong();
    private final AtomicInteger numbered = new AtomicInteger();
    private final long postmaster;

    private ProcessCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** For the service's PostgreSQL, found through its data directory's postmaster.pid. */
    static ProcessCpu of(JdbcTemplate jdbc) {
        long pid = -1;
        try {
            String dataDirectory = jdbc.queryForObject("SHOW data_directory", String.class);
            pid = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException unreadable) {
            // not on this machine's file system, or not Linux: PostgreSQL's share is not measured
        }
        return new ProcessCpu(pid);
    }

    /** Threads for the benchmark's clients, whose CPU is the benchmark's own, not the service's. */
    ThreadFactory clientThreads() {
        return work -> {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } finally {
                    endedClientsNanos.addAndGet(THREADS.getCurrentThreadCpuTime());
                    clients.remove(Thread.currentThread());
                }
            }, "bench-client-" + numbered.incrementAndGet());
            clients.add(thread);
            return thread;
        };
    }

    /** A reading of all three, to subtract from a later one. */
    Reading read() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long client = endedClientsNanos.get();
        for (Thread thread : clients) {
            client += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
        }
        for (ThreadInfo info : THREADS.dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith("HttpClient-")) {
                client += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return new Reading(process - client, client, postgresNanos());
    }

    /** The postmaster's CPU, its ended children's, and every live child's, from /proc. */
    private double postgresNanos() {
        if (postmaster < 0) {
            return Double.NaN;
        }
        try {
            long ticks = ticks(postmaster, true);
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(path -> path.getFileName().toString().matches("[0-9]+")).toList()) {
                    String[] stat = stat(process);
                    if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            return ticks * 1e9 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    private static long ticks(long pid, boolean withEndedChildren) throws IOException {
        String[] stat = stat(Path.of("/proc", Long.toString(pid)));
        if (stat == null) {
            throw new IOException("no process " + pid);
        }
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return withEndedChildren ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : ticks;
    }

    /** The fields of /proc/[pid]/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** CPU nanoseconds so far: the service's, the benchmark clients', PostgreSQL's. */
    record Reading(double service, double clients, double postgres) {

        /** Milliseconds per command since {@code before}. */
        java.util.Map<String, Double> perCommandSince(Reading before, long commands) {
            java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
            values.put("service", (service - before.service) / 1e6 / commands);
            values.put("postgres", (postgres - before.postgres) / 1e6 / commands);
            values.put("serviceAndPostgres", values.get("service") + values.get("postgres"));
            values.put("benchmarkClients", (clients - before.clients) / 1e6 / commands);
            return values;
        }
    }
}
