package org.hotline.gateway.voice.asterisk.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hotline.gateway.testing.TestConfig;

/**
 * A real Asterisk 22 for the test that needs one: the build in {@code ../shared/pbx/} (unpacked once
 * into {@code target/pbx/}) or the one {@code ASTERISK_HOME} names, run as this user with every
 * folder in a scratch directory. It loads the project's own {@code config/asterisk/*.conf}, changed
 * only where a site changes them (the gateway's address, AMI's address and secret, the fallback's
 * wait), plus {@code extensions-test.conf} from the test resources: the simulated caller, the
 * officers' phones and the trunk, all Local channels (this build has no PJSIP).
 */
public final class RealAsterisk implements AutoCloseable {

    static final String VERSION_DIR = "asterisk-22.10.1";
    static final String TARBALL = "asterisk-22.10.1-linux-amd64.tar.gz";
    /** The test's own AMI user: it sees everything (AGI commands, user events) and may do anything. */
    static final String TEST_AMI_USER = "pbx-test";
    static final String TEST_AMI_SECRET = "pbx-test-secret";

    private final Path home;
    private final Path scratch;
    private final Path config;
    private final Process process;
    final int amiPort;

    /** What a test that needs the PBX does without it: the reason it cannot run, or empty when it can. */
    static Optional<String> missing() {
        return home().isPresent() || tarball().isPresent() ? Optional.empty()
                : Optional.of("no Asterisk: neither ../shared/pbx/" + TARBALL + " nor ASTERISK_HOME is there, so the real-PBX suite does not run");
    }

    private static Optional<Path> home() {
        String named = System.getenv("ASTERISK_HOME");
        if (named != null && !named.isBlank() && Files.isExecutable(Path.of(named, "sbin", "asterisk"))) {
            return Optional.of(Path.of(named));
        }
        return Optional.empty();
    }

    private static Optional<Path> tarball() {
        Path shared = TestConfig.repositoryRoot().resolveSibling("shared").resolve("pbx").resolve(TARBALL);
        return Files.isRegularFile(shared) ? Optional.of(shared) : Optional.empty();
    }

    /**
     * Starts Asterisk with AMI on {@code amiPort} (users: the gateway's from {@code manager.conf} with
     * {@code gatewaySecret}, and the test's), FastAGI calls to {@code agiAddress} ({@code host:port}),
     * a fallback that waits {@code fallbackWait} in the queue, and sounds in {@code sounds}.
     */
    static RealAsterisk start(Path scratch, int amiPort, String gatewaySecret, String agiAddress, Duration fallbackWait, Path sounds)
            throws IOException, InterruptedException {
        Path home = home().orElseGet(RealAsterisk::unpacked);
        return new RealAsterisk(home, scratch, amiPort, gatewaySecret, agiAddress, fallbackWait, sounds);
    }

    /** A new scratch folder for a run, {@code target/pbx/run}: the last run's is deleted. */
    static Path scratch() {
        Path run = TestConfig.repositoryRoot().resolve("hotline-gateway/target/pbx/run");
        try {
            if (Files.exists(run)) {
                try (var files = Files.walk(run)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            return Files.createDirectories(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared build, unpacked once per checkout: unpacking costs seconds, the files never change. */
    private static synchronized Path unpacked() {
        Path target = TestConfig.repositoryRoot().resolve("hotline-gateway/target/pbx");
        Path home = target.resolve(VERSION_DIR);
        if (Files.isExecutable(home.resolve("sbin/asterisk"))) {
            return home;
        }
        try {
            Files.createDirectories(target);
            run(List.of("tar", "-xzf", tarball().orElseThrow().toString(), "-C", target.toString()), Duration.ofMinutes(2));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RealAsterisk(Path home, Path scratch, int amiPort, String gatewaySecret, String agiAddress, Duration fallbackWait, Path sounds)
            throws IOException, InterruptedException {
        this.home = home;
        this.scratch = scratch;
        this.amiPort = amiPort;
        this.config = scratch.resolve("etc");
        Path data = scratch.resolve("data");
        Files.createDirectories(config);
        Files.createDirectories(data);
        Files.createDirectories(scratch.resolve("log"));
        Files.createDirectories(scratch.resolve("run"));
        Files.createDirectories(scratch.resolve("spool"));
        Files.createSymbolicLink(data.resolve("documentation"), home.resolve("share/documentation"));
        Files.createSymbolicLink(data.resolve("sounds"), sounds);
        Files.createDirectories(data.resolve("moh"));
        writeConfig(gatewaySecret, agiAddress, fallbackWait);
        var builder = new ProcessBuilder(asterisk().toString(), "-C", config.resolve("asterisk.conf").toString(), "-f", "-n")
                .redirectErrorStream(true).redirectOutput(scratch.resolve("log/console.log").toFile());
        builder.environment().put("LD_LIBRARY_PATH", home.resolve("lib").toString());
        process = builder.start();
        awaitBooted();
    }

    private Path asterisk() {
        return home.resolve("sbin/asterisk");
    }

    private void writeConfig(String gatewaySecret, String agiAddress, Duration fallbackWait) throws IOException {
        Path shipped = TestConfig.repositoryRoot().resolve("config/asterisk");
        write("asterisk.conf", """
                [directories]
                astetcdir => %1$s/etc
                astmoddir => %2$s/lib/asterisk/modules
                astvarlibdir => %1$s/data
                astdbdir => %1$s/data
                astkeydir => %1$s/data
                astdatadir => %1$s/data
                astagidir => %1$s/data/agi-bin
                astspooldir => %1$s/spool
                astrundir => %1$s/run
                astlogdir => %1$s/log
                astcachedir => %1$s/cache

                [options]
                verbose = 3
                """.formatted(scratch, home));
        write("modules.conf", """
                [modules]
                autoload = yes
                noload => chan_iax2.so
                noload => chan_unistim.so
                noload => chan_skinny.so
                noload => chan_mgcp.so
                noload => pbx_dundi.so
                noload => res_hep.so
                noload => res_hep_rtcp.so
                noload => res_phoneprov.so
                noload => res_prometheus.so
                noload => res_statsd.so
                noload => res_smdi.so
                noload => res_adsi.so
                noload => cdr_pgsql.so
                noload => cel_pgsql.so
                noload => res_config_pgsql.so
                """);
        write("logger.conf", """
                [logfiles]
                full.log => notice,warning,error,verbose(4)
                """);
        write("musiconhold.conf", """
                [default]
                mode = files
                directory = %s/data/moh
                """.formatted(scratch));
        // the shipped files, with what a site changes and nothing else
        copy(shipped, "queues.conf", UnaryOperator.identity());
        copy(shipped, "voicemail.conf", UnaryOperator.identity());
        copy(shipped, "confbridge.conf", UnaryOperator.identity());
        copy(shipped, "manager.conf", text -> replace(replace(replace(replace(text,
                "port = 5038", "port = " + amiPort),
                "bindaddr = 10.0.0.10", "bindaddr = 127.0.0.1"),
                "secret = change-me-to-a-long-random-secret", "secret = " + gatewaySecret),
                "permit = 10.0.0.20/255.255.255.255", "permit = 127.0.0.1/255.255.255.255")
                + "\n[" + TEST_AMI_USER + "]\nsecret = " + TEST_AMI_SECRET
                + "\ndeny = 0.0.0.0/0.0.0.0\npermit = 127.0.0.1/255.255.255.255\nread = all\nwrite = all\n");
        copy(shipped, "extensions.conf", text -> replace(replace(text,
                "HOTLINE_AGI=agi://gateway.internal:4573/hotline", "HOTLINE_AGI=agi://" + agiAddress + "/hotline"),
                "HOTLINE_FALLBACK_WAIT=300", "HOTLINE_FALLBACK_WAIT=" + fallbackWait.toSeconds())
                + "\n#include extensions-test.conf\n");
        try (var test = RealAsterisk.class.getResourceAsStream("extensions-test.conf")) {
            Files.write(config.resolve("extensions-test.conf"), test.readAllBytes());
        }
    }

    private static String replace(String text, String shipped, String site) {
        if (!text.contains(shipped)) {
            throw new IllegalStateException("the shipped Asterisk configuration no longer says '" + shipped + "'");
        }
        return text.replace(shipped, site);
    }

    private void copy(Path shipped, String name, UnaryOperator<String> site) throws IOException {
        write(name, site.apply(Files.readString(shipped.resolve(name))));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(config.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void awaitBooted() throws IOException, InterruptedException {
        Path socket = scratch.resolve("run/asterisk.ctl");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!Files.exists(socket)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Asterisk stopped while starting: " + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Asterisk did not open its control socket in 90 s: " + tail());
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        cli("core waitfullybooted");
    }

    /** The last lines Asterisk wrote, for a failure's message. */
    String tail() {
        try {
            Path console = scratch.resolve("log/console.log");
            List<String> lines = Files.exists(console) ? Files.readAllLines(console) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A CLI command through the control socket, e.g. {@code queue show counter-trafficking}; its output. */
    String cli(String command) throws IOException, InterruptedException {
        return run(List.of(asterisk().toString(), "-C", config.resolve("asterisk.conf").toString(), "-rx", command),
                Duration.ofSeconds(60), Map.of("LD_LIBRARY_PATH", home.resolve("lib").toString()));
    }

    /** Where voicemail messages of a mailbox land: {@code spool/voicemail/default/hotline}. */
    Path mailbox(String context, String box) {
        return scratch.resolve("spool/voicemail").resolve(context).resolve(box);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            try {
                cli("core stop now");
            } catch (RuntimeException | IOException e) {
                // stopped below
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String run(List<String> command, Duration limit) throws IOException, InterruptedException {
        return run(command, limit, Map.of());
    }

    private static String run(List<String> command, Duration limit, Map<String, String> environment) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process started = builder.start();
        byte[] out = started.getInputStream().readAllBytes();
        if (!started.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            started.destroyForcibly();
            throw new IllegalStateException(command + " took longer than " + limit);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (started.exitValue() != 0) {
            throw new IllegalStateException(command + " failed (" + started.exitValue() + "): " + text);
        }
        return text;
    }
}
