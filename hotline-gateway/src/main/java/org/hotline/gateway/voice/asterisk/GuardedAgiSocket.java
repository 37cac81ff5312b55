package org.hotline.gateway.voice.asterisk;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The FastAGI listening socket: a connection from an address outside {@code allowed-from} is closed
 * before a byte is read (a fake "Asterisk" could otherwise leave voicemails and callback requests);
 * the others are read with limits ({@link BoundedAgiConnection}).
 */
final class GuardedAgiSocket implements ServerSocketFacade {

    private static final Logger log = LoggerFactory.getLogger(GuardedAgiSocket.class);

    private final ServerSocket server;
    private final List<IpAddressMatcher> allowed;
    private final AsteriskSettings.Agi limits;
    private final java.util.Set<String> scripts;
    private final MeterRegistry metrics;
    private final AtomicLong refused = new AtomicLong();

    GuardedAgiSocket(AsteriskSettings.Agi limits, InetAddress bind, List<IpAddressMatcher> allowed, java.util.Set<String> scripts,
                     MeterRegistry metrics) throws IOException {
        this.server = new ServerSocket(limits.port(), 1000, bind);
        this.allowed = allowed;
        this.limits = limits;
        this.scripts = java.util.Set.copyOf(scripts);
        this.metrics = metrics;
    }

    /** The {@code allowed-from} entries as matchers; a wrong one stops start-up with its place in the configuration. */
    static List<IpAddressMatcher> matchers(List<String> allowedFrom) {
        return java.util.stream.IntStream.range(0, allowedFrom.size()).mapToObj(i -> {
            try {
                return new IpAddressMatcher(allowedFrom.get(i).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hotline.asterisk.agi.allowed-from[" + i + "] '" + allowedFrom.get(i)
                        + "' is not an address or CIDR range: " + e.getMessage(), e);
            }
        }).toList();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket socket = server.accept();
            String address = socket.getInetAddress().getHostAddress();
            if (allowed.stream().anyMatch(m -> m.matches(address))) {
                try {
                    return new BoundedAgiConnection(socket, limits, scripts, why -> refused(address, "request", why));
                } catch (IOException gone) {
                    socket.close();
                    continue;
                }
            }
            socket.close();
            refused(address, "address", "not in hotline.asterisk.agi.allowed-from");
        }
    }

    private void refused(String address, String reason, String why) {
        metrics.counter("hotline.fastagi.refused", "reason", reason).increment();
        // one line now and then: a scan or a flood must not flood the log too
        if (refused.getAndIncrement() % 100 == 0) {
            log.warn("FastAGI: connection from {} closed: {} ({} refused so far)", address, why, refused.get());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    @Override
    public void setSocketReadTimeout(int timeoutMillis) {
        // each connection sets its own: the request timeout, then the call timeout
    }
}
