package com.cleantechcrm.benchmark.ceiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many single-row inserts per second PostgreSQL itself takes on this machine: {@code pgbench} inserting rows of
 * the shape of Axon's {@code domain_event_entry} (same columns, sequence and unique constraints, a JSON payload and
 * metadata like a stored lead creation) into database {@code bench_pgbench}, one row per transaction, with the
 * server's default durability ({@code synchronous_commit} as configured, as the services use it).
 */
public final class PgBenchCeiling {

    public static final String DATABASE = "bench_pgbench";

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final String host;
    private final String port;
    private final String user;

    public PgBenchCeiling(String host, String port, String user) {
        this.host = host;
        this.port = port;
        this.user = user;
    }

    /** Recreates the table and writes the pgbench script that inserts one event-sized row. */
    public Path prepare(String payloadJson, String metadataJson, Path workDirectory)
            throws IOException, InterruptedException {
        String exists = psql("postgres", "select 1 from pg_database where datname = '" + DATABASE + "'");
        if (exists.isBlank()) {
            psql("postgres", "create database " + DATABASE);
        }
        psql(DATABASE, """
                drop table if exists domain_event_entry;
                drop sequence if exists domain_event_entry_seq;
                create sequence domain_event_entry_seq start with 1 increment by 1;
                create table domain_event_entry (
                    global_index bigint not null primary key,
                    aggregate_identifier varchar(255) not null,
                    sequence_number bigint not null,
                    type varchar(255),
                    event_identifier varchar(255) not null unique,
                    meta_data bytea,
                    payload bytea not null,
                    payload_revision varchar(255),
                    payload_type varchar(255) not null,
                    time_stamp varchar(255) not null,
                    unique (aggregate_identifier, sequence_number));
                """);
        Path script = workDirectory.resolve("pgbench-insert-event.sql");
        Files.writeString(
                script,
                "insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                        + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " values (nextval('domain_event_entry_seq'), gen_random_uuid()::text, 0, 'Lead',"
                        + " gen_random_uuid()::text, convert_to(" + literal(metadataJson) + ", 'UTF8'),"
                        + " convert_to(" + literal(payloadJson) + ", 'UTF8'), '1',"
                        + " 'com.cleantechcrm.events.LeadCreated', now()::text);\n");
        return script;
    }

    public CeilingResult run(Path script, int clients, int seconds) throws IOException, InterruptedException {
        String output = whileConnectionsAreFree(() -> Processes.run(
                List.of(
                        "pgbench",
                        "-n",
                        "-h",
                        host,
                        "-p",
                        port,
                        "-U",
                        user,
                        "-f",
                        script.toString(),
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        Integer.toString(Math.min(clients, 2)),
                        "-T",
                        Integer.toString(seconds),
                        DATABASE),
                seconds + 120L));
        return new CeilingResult(
                "pgbench insert, " + clients + " client" + (clients == 1 ? "" : "s"),
                number(TPS, output),
                number(LATENCY, output),
                Double.NaN);
    }

    private String psql(String database, String sql) throws IOException, InterruptedException {
        return whileConnectionsAreFree(() -> psqlOnce(database, sql));
    }

    private interface Tool {
        String run() throws IOException, InterruptedException;
    }

    /** Runs the tool, trying again a few times while the server has no free connection for it. */
    private static String whileConnectionsAreFree(Tool tool) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return tool.run();
            } catch (IOException e) {
                if (attempt >= 5 || !e.getMessage().contains("too many clients")) {
                    throw e;
                }
                Thread.sleep(5000);
            }
        }
    }

    private String psqlOnce(String database, String sql) throws IOException, InterruptedException {
        return Processes.run(
                List.of(
                        "psql",
                        "-X",
                        "-q",
                        "-At",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-h",
                        host,
                        "-p",
                        port,
                        "-U",
                        user,
                        "-d",
                        database,
                        "-c",
                        sql),
                60);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern.pattern() + ":\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
