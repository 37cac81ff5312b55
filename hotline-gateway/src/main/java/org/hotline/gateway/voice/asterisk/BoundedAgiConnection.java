package org.hotline.gateway.voice.asterisk;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection, read with limits: the request (the {@code agi_} lines up to the blank
 * line) must arrive within the request timeout, in at most so many lines of at most so many bytes
 * (Asterisk's own AGI buffer is 2 KiB); after it, the longer call timeout applies, since Asterisk is
 * quiet while a caller waits in a queue. A request that names no script the gateway serves is
 * closed as soon as it is complete (Asterisk-Java would otherwise wait hours for the sender to answer
 * its "not found"). A connection that breaks a limit is closed at once: it costs a bounded amount of
 * memory and time, never a thread for hours.
 */
final class BoundedAgiConnection implements SocketConnectionFacade {

    /** Why a connection was closed before its request was complete. */
    static final class RefusedException extends IOException {
        RefusedException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final Writer out;
    private final AsteriskSettings.Agi limits;
    private final java.util.Set<String> scripts;
    private final java.util.function.Consumer<String> onRefused;
    private boolean inRequest = true;
    private int requestLines;
    private String script;

    /**
     * {@code scripts}: the names served; {@code onRefused} hears why a connection was closed
     * (Asterisk-Java's own report of it is not logged).
     */
    BoundedAgiConnection(Socket socket, AsteriskSettings.Agi limits, java.util.Set<String> scripts,
                         java.util.function.Consumer<String> onRefused) throws IOException {
        this.socket = socket;
        this.limits = limits;
        this.scripts = scripts;
        this.onRefused = onRefused;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        socket.setSoTimeout((int) limits.requestTimeout().toMillis());
    }

    @Override
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw refuse(inRequest ? "no complete request within " + limits.requestTimeout().toSeconds() + " s"
                        : "Asterisk said nothing for " + limits.callTimeout());
            }
            if (b == -1) {
                return line.size() == 0 ? null : text(line);
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= limits.maxLineLength()) {
                throw refuse("a line longer than " + limits.maxLineLength() + " bytes");
            }
            line.write(b);
        }
        String text = text(line);
        if (inRequest) {
            if (text.isEmpty()) {
                if (script == null || !scripts.contains(script)) {
                    throw refuse("the request names no script served here (only " + scripts + ")");
                }
                inRequest = false;
                socket.setSoTimeout((int) limits.callTimeout().toMillis());
            } else if (++requestLines > limits.maxRequestLines()) {
                throw refuse("more than " + limits.maxRequestLines() + " request lines");
            } else if (text.startsWith("agi_network_script: ")) {
                script = text.substring("agi_network_script: ".length()).strip();
            }
        }
        return text;
    }

    private RefusedException refuse(String why) {
        onRefused.accept(why);
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // closing is all that is left to do
        }
        return new RefusedException(why);
    }

    private static String text(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
