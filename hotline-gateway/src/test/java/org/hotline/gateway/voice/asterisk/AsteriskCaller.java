package org.hotline.gateway.voice.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Asterisk's side of one FastAGI call over a real socket, as res_agi.c speaks it: the agi_ environment,
 * then one reply per command. The caller presses {@code keys} when asked, the queue ends with
 * {@code queueStatus}, or an officer ({@code answeredBy}) takes the call, and the caller hangs up on the
 * first command {@code hangUpOn} matches: Asterisk then says HANGUP and answers 511 to everything
 * after, except the commands res_agi.c allows on a dead channel (GET/SET VARIABLE, NOOP, VERBOSE).
 */
final class AsteriskCaller {

    private static final java.util.regex.Pattern DEAD_CAPABLE =
            java.util.regex.Pattern.compile("GET VARIABLE|GET FULL VARIABLE|SET VARIABLE|NOOP|VERBOSE");
    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

    private final Deque<String> keys = new ArrayDeque<>();
    private String queueStatus;
    private String member;
    private Predicate<String> hangUpOn = command -> false;
    private Predicate<String> refuse = command -> false;
    private String script = "hotline";
    private Runnable whenQueued = () -> { };

    final List<String> commands = new ArrayList<>();
    final Map<String, String> variables = new LinkedHashMap<>();
    private boolean hungUp;
    private String holdSeconds;

    AsteriskCaller presses(String... keys) {
        this.keys.addAll(List.of(keys));
        return this;
    }

    AsteriskCaller queueEndsWith(String queueStatus) {
        this.queueStatus = queueStatus;
        return this;
    }

    /** The queue connects the caller to this member (Asterisk sets MEMBERNAME on the caller's channel). */
    AsteriskCaller answeredBy(String member) {
        this.member = member;
        return this;
    }

    /** The member picked up after {@code seconds} in the queue (Asterisk sets QEHOLDTIME with setqueueentryvar=yes). */
    AsteriskCaller heldFor(int seconds) {
        this.holdSeconds = String.valueOf(seconds);
        return this;
    }

    /** Runs while the caller is in the Queue application, e.g. to have AMI report the officer's call. */
    AsteriskCaller whileQueued(Runnable action) {
        this.whenQueued = action;
        return this;
    }

    AsteriskCaller hangsUpOn(Predicate<String> command) {
        this.hangUpOn = command;
        return this;
    }

    /** Asterisk answers 510 (unknown command) to what {@code command} matches. */
    AsteriskCaller refuses(Predicate<String> command) {
        this.refuse = command;
        return this;
    }

    AsteriskCaller script(String script) {
        this.script = script;
        return this;
    }

    /** Places the call and plays it to the end (the gateway closes the connection). */
    AsteriskCaller call(int port, String uniqueId, String callerId) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write(String.join("\n",
                    "agi_network: yes", "agi_network_script: " + script, "agi_request: agi://127.0.0.1:" + port + "/" + script,
                    "agi_channel: PJSIP/trunk-00000001", "agi_language: en", "agi_type: PJSIP", "agi_uniqueid: " + uniqueId,
                    "agi_version: 20.5.0", "agi_callerid: " + callerId, "agi_calleridname: unknown", "agi_callingpres: 0",
                    "agi_callingani2: 0", "agi_callington: 0", "agi_callingtns: 0", "agi_dnid: 100", "agi_rdnis: unknown",
                    "agi_context: hotline", "agi_extension: s", "agi_priority: 2", "agi_enhanced: 0.0", "agi_accountcode: ",
                    "agi_threadid: 140234567890", "", ""));
            out.flush();
            String command;
            while ((command = in.readLine()) != null) {
                commands.add(command);
                out.write(reply(command) + "\n");
                out.flush();
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String reply(String command) {
        if (hungUp && !DEAD_CAPABLE.matcher(command).lookingAt()) {
            return DEAD;
        }
        if (refuse.test(command)) {
            return "510 Invalid or unknown command";
        }
        if (hangUpOn.test(command)) {
            hungUp = true;
            if (command.startsWith("RECORD FILE")) {
                // the caller said their message and put the phone down: five seconds were written
                return "HANGUP\n200 result=-1 (hangup) endpos=40000";
            }
            if (command.startsWith("EXEC")) {
                return "HANGUP\n200 result=-1";
            }
            if (command.startsWith("STREAM FILE")) {
                // playback stops where the caller hung up; the next command gets 511
                return "HANGUP\n200 result=-1 endpos=1234";
            }
            return "HANGUP\n" + DEAD;
        }
        if (command.startsWith("SET VARIABLE")) {
            List<String> args = quoted(command);
            variables.put(args.get(0), args.get(1));
            return "200 result=1";
        }
        if (command.equals("ANSWER")) {
            return "200 result=0";
        }
        if (command.startsWith("STREAM FILE")) {
            return "200 result=0 endpos=8000";
        }
        if (command.startsWith("WAIT FOR DIGIT")) {
            return keys.isEmpty() ? "200 result=0" : "200 result=" + (int) keys.poll().charAt(0);
        }
        if (command.startsWith("GET DATA")) {
            return keys.isEmpty() ? "200 result= (timeout)" : "200 result=" + keys.poll();
        }
        if (command.startsWith("EXEC \"Queue\"")) {
            whenQueued.run();
        }
        if (command.startsWith("EXEC")) {
            return "200 result=0";
        }
        if (command.equals("GET VARIABLE \"QUEUESTATUS\"")) {
            return queueStatus == null ? "200 result=0" : "200 result=1 (" + queueStatus + ")";
        }
        if (command.equals("GET VARIABLE \"QEHOLDTIME\"")) {
            return holdSeconds == null || member == null ? "200 result=0" : "200 result=1 (" + holdSeconds + ")";
        }
        if (command.equals("GET VARIABLE \"MEMBERNAME\"")) {
            return member == null ? "200 result=0" : "200 result=1 (" + member + ")";
        }
        if (command.startsWith("RECORD FILE")) {
            return "200 result=35 (dtmf) endpos=96000";
        }
        if (command.equals("HANGUP")) {
            hungUp = true;
            return "200 result=1";
        }
        return "510 Invalid or unknown command";
    }

    static List<String> quoted(String command) {
        List<String> args = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(command);
        while (matcher.find()) {
            args.add(matcher.group(1));
        }
        return args;
    }
}
