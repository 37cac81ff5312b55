package org.hotline.gateway.voice.asterisk.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands between Asterisk and the gateway's FastAGI port, so a test can do to the gateway what a
 * crash does: refuse new calls ({@link #down()}) and cut the calls in progress ({@link #cutAll()}).
 */
final class AgiProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int gatewayPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    AgiProxy(int gatewayPort) throws IOException {
        this.gatewayPort = gatewayPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("agi-proxy").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The gateway is down: a new call's connection is closed at once. */
    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    /** The gateway dies: every call's connection is cut. */
    void cutAll() {
        for (Socket socket : open) {
            close(socket);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket asterisk = server.accept();
                if (down) {
                    close(asterisk);
                    continue;
                }
                Socket gateway = new Socket(InetAddress.getLoopbackAddress(), gatewayPort);
                open.add(asterisk);
                open.add(gateway);
                pipe(asterisk, gateway);
                pipe(gateway, asterisk);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }
}
