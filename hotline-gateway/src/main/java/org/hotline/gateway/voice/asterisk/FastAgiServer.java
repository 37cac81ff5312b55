package org.hotline.gateway.voice.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.MappingStrategy;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Asterisk-Java's FastAGI server as part of the application's life: it listens from start-up to
 * shut-down, takes connections only from {@code allowed-from}, reads each with limits, and serves
 * only the scripts named here (never a class named by whoever connects).
 */
public class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final AsteriskSettings.Agi settings;
    private final Map<String, AgiScript> scripts;
    private final List<IpAddressMatcher> allowedFrom;
    private final MeterRegistry metrics;
    private Thread thread;
    private Listener server;

    /** Asterisk-Java's server, whose listening socket can be closed from another thread. */
    private static final class Listener extends DefaultAgiServer {
        // DefaultAgiServer keeps its socket in a plain field that another thread may never see set,
        // and then shutdown() leaves accept() waiting forever
        private volatile ServerSocketFacade socket;
        final CompletableFuture<Void> listening = new CompletableFuture<>();

        private final AsteriskSettings.Agi settings;
        private final InetAddress bind;
        private final List<IpAddressMatcher> allowedFrom;
        private final java.util.Set<String> scripts;
        private final MeterRegistry metrics;

        Listener(MappingStrategy mapping, AsteriskSettings.Agi settings, InetAddress bind, List<IpAddressMatcher> allowedFrom,
                 java.util.Set<String> scripts, MeterRegistry metrics) {
            super(mapping);
            this.settings = settings;
            this.bind = bind;
            this.allowedFrom = allowedFrom;
            this.scripts = scripts;
            this.metrics = metrics;
        }

        /**
         * A virtual thread per call: a call spends nearly all its life waiting on Asterisk, and a new
         * platform thread for each arriving call cost the caller tens of milliseconds under load.
         */
        @Override
        protected ThreadPoolExecutor createPool() {
            return new ThreadPoolExecutor(0, settings.maxCalls(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    Thread.ofVirtual().name("fastagi-call-", 0).factory());
        }

        /** Only allowed addresses, each connection read with limits. */
        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            try {
                socket = new GuardedAgiSocket(settings, bind, allowedFrom, scripts, metrics);
                listening.complete(null);
                return socket;
            } catch (IOException e) {
                listening.completeExceptionally(e);
                throw e;
            }
        }

        void close() {
            shutdown();
            ServerSocketFacade listening = socket;
            if (listening != null) {
                try {
                    listening.close();
                } catch (IOException e) {
                    log.warn("FastAGI: closing the listening socket failed: {}", e.toString());
                }
            }
        }
    }

    public FastAgiServer(AsteriskSettings.Agi settings, Map<String, AgiScript> scripts, MeterRegistry metrics) {
        this.settings = settings;
        this.scripts = Map.copyOf(scripts);
        this.allowedFrom = GuardedAgiSocket.matchers(settings.allowedFrom());
        this.metrics = metrics;
    }

    /** The script a request names; the connection has already refused a request that names none of ours. */
    private AgiScript scriptFor(AgiRequest request, org.asteriskjava.fastagi.AgiChannel channel) {
        return request.getScript() == null ? null : scripts.get(request.getScript());
    }

    @Override
    public synchronized void start() {
        server = new Listener(this::scriptFor, settings, address(), allowedFrom, scripts.keySet(), metrics);
        server.setPort(settings.port());
        Listener listener = server;
        thread = Thread.ofPlatform().daemon().name("fastagi-listener").start(() -> {
            try {
                listener.startup();
            } catch (IOException e) {
                // start() reports it
            }
        });
        // a gateway that cannot take calls refuses to start instead of looking healthy
        try {
            listener.listening.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("hotline.asterisk.agi.port " + settings.port() + " on " + settings.bind()
                    + " cannot be used: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while FastAGI was starting", e);
        }
        log.info("FastAGI listening on {}:{} for {}, from {}", settings.bind(), settings.port(), scripts.keySet(), settings.allowedFrom());
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(settings.bind());
        } catch (IOException e) {
            throw new UncheckedIOException("hotline.asterisk.agi.bind '" + settings.bind() + "' is not an address", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            server.close();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
