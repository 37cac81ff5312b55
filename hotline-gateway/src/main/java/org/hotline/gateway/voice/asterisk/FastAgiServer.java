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
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Asterisk-Java's FastAGI server as part of the application's life: it listens from start-up to
 * shut-down and serves only the scripts named here (never a class named by whoever connects).
 */
public class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final AsteriskSettings settings;
    private final Map<String, AgiScript> scripts;
    private Thread thread;
    private Listener server;

    /** Asterisk-Java's server, whose listening socket can be closed from another thread. */
    private static final class Listener extends DefaultAgiServer {
        // DefaultAgiServer keeps its socket in a plain field that another thread may never see set,
        // and then shutdown() leaves accept() waiting forever
        private volatile ServerSocketFacade socket;
        final CompletableFuture<Void> listening = new CompletableFuture<>();

        private final int maxCalls;

        Listener(SimpleMappingStrategy mapping, int maxCalls) {
            super(mapping);
            this.maxCalls = maxCalls;
        }

        /**
         * A virtual thread per call: a call spends nearly all its life waiting on Asterisk, and a new
         * platform thread for each arriving call cost the caller tens of milliseconds under load.
         */
        @Override
        protected ThreadPoolExecutor createPool() {
            return new ThreadPoolExecutor(0, maxCalls, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    Thread.ofVirtual().name("fastagi-call-", 0).factory());
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            try {
                socket = super.createServerSocket();
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

    public FastAgiServer(AsteriskSettings settings, Map<String, AgiScript> scripts) {
        this.settings = settings;
        this.scripts = Map.copyOf(scripts);
    }

    @Override
    public synchronized void start() {
        InetAddress address = address();
        var mapping = new SimpleMappingStrategy();
        mapping.setMappings(scripts);
        server = new Listener(mapping, settings.maxCalls());
        server.setAddress(address);
        server.setPort(settings.agiPort());
        server.setSocketReadTimeout((int) settings.readTimeout().toMillis());
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
            throw new IllegalStateException("hotline.asterisk.agi-port " + settings.agiPort() + " on " + settings.bindAddress()
                    + " cannot be used: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while FastAGI was starting", e);
        }
        log.info("FastAGI listening on {}:{} for {}", settings.bindAddress(), settings.agiPort(), scripts.keySet());
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(settings.bindAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("hotline.asterisk.bind-address '" + settings.bindAddress() + "' is not an address", e);
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
