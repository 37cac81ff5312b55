package org.hotline.gateway.voice.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asterisk's side of AMI over a real socket, as manager.c speaks it: the banner, CRLF packets,
 * ActionID echoed, an MD5 challenge login checked against {@code secret}, CoreSettings for the
 * version, and the queue actions, which it records as one line each ("QueueAdd queue=... ...").
 */
public final class FakeAsteriskManager implements AutoCloseable {

    private final ServerSocket server;
    private final String username;
    private final String secret;
    public final List<String> actions = Collections.synchronizedList(new ArrayList<>());
    /** The ActionID of the last Originate to each channel, as sent: its OriginateResponse event echoes it. */
    public final Map<String, String> originateIds = new java.util.concurrent.ConcurrentHashMap<>();
    final List<String> logins = Collections.synchronizedList(new ArrayList<>());
    /** What QueueStatus reports as waiting callers, one packet's lines each (without ActionID). */
    final List<List<String>> queueEntries = Collections.synchronizedList(new ArrayList<>());
    /** The members this fake's queues hold, "queue interface" → member name. */
    private final Map<String, String> members = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Socket client;
    private volatile Writer events;

    public FakeAsteriskManager(String username, String secret) {
        this.username = username;
        this.secret = secret;
        try {
            server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /** The gateway's properties to log in here, with its data in {@code dataDir}. */
    public void gatewayLogsIn(org.springframework.test.context.DynamicPropertyRegistry registry, java.nio.file.Path dataDir) {
        registry.add("hotline.state.data-dir", dataDir::toString);
        registry.add("hotline.routing.tick", () -> "1h");
        registry.add("hotline.asterisk.ami.enabled", () -> "true");
        registry.add("hotline.asterisk.ami.port", this::port);
        registry.add("hotline.asterisk.ami.username", () -> username);
        registry.add("hotline.asterisk.ami.secret", () -> secret);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sends an event to the logged-in gateway, e.g. {@code "Event: AgentComplete", "Uniqueid: 1.2"}. */
    public void emit(String... lines) {
        Writer out = events;
        try {
            synchronized (out) {
                out.write(String.join("\r\n", lines) + "\r\n\r\n");
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the current connection, as a restarting Asterisk would. */
    void drop() throws IOException {
        Socket current = client;
        if (current != null) {
            current.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                client = socket;
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            events = out;
            synchronized (out) {
                out.write("Asterisk Call Manager/9.0.0\r\n");
                out.flush();
            }
            String challenge = "417302561";
            Map<String, String> packet;
            while ((packet = readPacket(in)) != null) {
                String action = packet.getOrDefault("action", "").toLowerCase();
                String id = packet.get("actionid");
                String reply = switch (action) {
                    case "challenge" -> "Response: Success\r\nChallenge: " + challenge + "\r\n";
                    case "login" -> {
                        boolean ok = username.equals(packet.get("username")) && md5(challenge + secret).equals(packet.get("key"));
                        logins.add(ok ? "accepted" : "refused");
                        yield ok ? "Response: Success\r\nMessage: Authentication accepted\r\n"
                                : "Response: Error\r\nMessage: Authentication failed\r\n";
                    }
                    case "coresettings" -> "Response: Success\r\nAMIversion: 9.0.0\r\nAsteriskVersion: 20.5.0\r\nSystemName: fake\r\n";
                    case "originate" -> {
                        actions.add(describe(packet));
                        if (packet.get("channel") != null && id != null) {
                            originateIds.put(packet.get("channel"), id);
                        }
                        yield "Response: Success\r\nMessage: Originate successfully queued\r\n";
                    }
                    case "setvar", "redirect" -> {
                        actions.add(describe(packet));
                        yield "Response: Success\r\nMessage: done\r\n";
                    }
                    case "queueadd", "queueremove", "queuepause" -> {
                        actions.add(describe(packet));
                        String member = packet.get("queue") + " " + packet.get("interface");
                        if (action.equals("queueadd")) {
                            members.put(member, packet.getOrDefault("membername", packet.get("interface")));
                        } else if (action.equals("queueremove")) {
                            members.remove(member);
                        }
                        yield "Response: Success\r\nMessage: done\r\n";
                    }
                    case "queuestatus" -> {
                        StringBuilder list = new StringBuilder("Response: Success\r\nEventList: start\r\nMessage: Queue status will follow\r\n");
                        String echo = id == null ? "" : "ActionID: " + id + "\r\n";
                        list.append(echo).append("\r\n");
                        List<List<String>> entries = List.copyOf(queueEntries);
                        for (List<String> entry : entries) {
                            list.append("Event: QueueEntry\r\n").append(String.join("\r\n", entry)).append("\r\n").append(echo).append("\r\n");
                        }
                        // as app_queue answers QueueStatus with Queue and Member: the matching members, Location being the interface
                        int listed = entries.size();
                        for (var member : Map.copyOf(members).entrySet()) {
                            String queue = member.getKey().substring(0, member.getKey().indexOf(' '));
                            String location = member.getKey().substring(member.getKey().indexOf(' ') + 1);
                            if ((packet.get("queue") == null || packet.get("queue").equals(queue))
                                    && (packet.get("member") == null || packet.get("member").equals(location))) {
                                list.append("Event: QueueMember\r\nQueue: ").append(queue).append("\r\nName: ").append(member.getValue())
                                        .append("\r\nLocation: ").append(location).append("\r\nStateInterface: ").append(location)
                                        .append("\r\nMembership: dynamic\r\nStatus: 1")
                                        .append("\r\nPaused: 0\r\n").append(echo).append("\r\n");
                                listed++;
                            }
                        }
                        list.append("Event: QueueStatusComplete\r\nEventList: Complete\r\nListItems: ").append(listed).append("\r\n")
                                .append(echo);
                        id = null; // already echoed in every packet
                        yield list.toString();
                    }
                    case "logoff" -> "Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n";
                    default -> "Response: Error\r\nMessage: Invalid/unknown command: " + action + "\r\n";
                };
                synchronized (out) {
                    out.write(reply + (id == null ? "" : "ActionID: " + id + "\r\n") + "\r\n");
                    if (action.equals("login") && reply.contains("Success")) {
                        out.write("Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
                    }
                    out.flush();
                }
            }
        } catch (IOException dropped) {
            // the connection ended
        }
    }

    private static String describe(Map<String, String> packet) {
        StringBuilder line = new StringBuilder(packet.get("action"));
        for (String key : List.of("queue", "interface", "membername", "paused", "channel", "context", "exten",
                "extrachannel", "extracontext", "extraexten", "variable", "value")) {
            if (packet.containsKey(key)) {
                line.append(' ').append(key).append('=').append(packet.get(key));
            }
        }
        return line.toString();
    }

    private static Map<String, String> readPacket(BufferedReader in) throws IOException {
        Map<String, String> packet = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (!packet.isEmpty()) {
                    return packet;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                // repeated headers (Variable) are kept together, sorted, so a test can compare them
                packet.merge(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim(),
                        (a, b) -> String.join(",", new java.util.TreeSet<>(List.of((a + "," + b).split(",")))));
            }
        }
        return null;
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
    }
}
