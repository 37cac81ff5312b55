package org.hotline.gateway.voice.asterisk.pbx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A person calling the hotline through the real Asterisk: a Local channel whose one end enters the
 * hotline's dialplan from the "network" with the person's caller ID, and whose other end is their
 * phone, speaking {@code speech} for as long as the call lasts. Keys are pressed only once the
 * gateway waits for them: Asterisk reports every AGI command as it starts (AGIExecStart), and a key
 * pressed while no AGI read is pending would be lost.
 */
final class PbxCaller {

    static final Duration LIMIT = Duration.ofSeconds(60);
    private static final AtomicInteger calls = new AtomicInteger();

    private final AmiTestClient ami;
    /** Asterisk's unique id of the hotline's end of the call: the one the gateway's call record names. */
    final String line;
    private final String phone;
    final int dialled;
    private int read;
    private String phoneChannel;

    private PbxCaller(AmiTestClient ami, String line, String phone, int dialled) {
        this.ami = ami;
        this.line = line;
        this.phone = phone;
        this.dialled = dialled;
        this.read = dialled;
    }

    /** {@code number} as the trunk presents it, e.g. {@code 0888100001}. */
    static PbxCaller dials(AmiTestClient ami, String number, Path speech) {
        int n = calls.incrementAndGet();
        var caller = new PbxCaller(ami, "1800000000." + n, "1800000001." + n, ami.mark());
        String file = speech.toString().replaceFirst("\\.wav$", "");
        ami.send("Originate", "Channel", "Local/" + number + "@hotline-test-network/n", "Context", "hotline-test-caller", "Exten", "s",
                "Priority", "1", "Variable", "SPEECH=" + file, "Async", "true", "Timeout", "30000",
                "ChannelId", caller.phone, "OtherChannelId", caller.line);
        return caller;
    }

    /** Presses each key once the gateway waits for one (a question playing or waiting, a recording). */
    PbxCaller presses(String... keys) {
        for (String key : keys) {
            pressesDuring(awaitsKeys(), key);
        }
        return this;
    }

    /** Presses {@code key} while the command that {@code waiting} started reads keys; later keys go to later commands. */
    PbxCaller pressesDuring(Map<String, String> waiting, String key) {
        ami.send("PlayDTMF", "Channel", phoneChannel(), "Digit", key, "Duration", "200");
        read = ami.seen(e -> true).indexOf(waiting) + 1;
        return this;
    }

    /** The next AGI command, after the last key pressed, that waits for keys; its AGIExecStart event. */
    Map<String, String> awaitsKeys() {
        return awaitCommand(PbxCaller::readsKeys, "the gateway waiting for a key");
    }

    /** The next AGI command on this call, after the last key pressed, that matches. */
    Map<String, String> awaitCommand(Predicate<String> command, String what) {
        return ami.await(read, e -> "AGIExecStart".equals(e.get("Event")) && line.equals(e.get("Uniqueid"))
                && command.test(e.get("Command")), LIMIT, what + " on call " + line);
    }

    /** The result Asterisk gave for that command (AGIExecEnd with the same CommandId). */
    Map<String, String> resultOf(Map<String, String> started) {
        return ami.await(dialled, e -> "AGIExecEnd".equals(e.get("Event")) && line.equals(e.get("Uniqueid"))
                && started.get("CommandId").equals(e.get("CommandId")), LIMIT, "the end of " + started.get("Command"));
    }

    static boolean readsKeys(String command) {
        return command.startsWith("WAIT FOR DIGIT") || command.startsWith("GET DATA") || command.startsWith("RECORD FILE")
                || command.startsWith("STREAM FILE") && !command.endsWith("\"\"");
    }

    void hangsUp() {
        ami.send("Hangup", "Channel", phoneChannel());
    }

    /** The name of the phone's channel, e.g. {@code Local/0888100001@hotline-test-network-00000003;1}. */
    private String phoneChannel() {
        if (phoneChannel == null) {
            phoneChannel = ami.await(dialled, e -> "Newchannel".equals(e.get("Event")) && phone.equals(e.get("Uniqueid")), LIMIT,
                    "the caller's phone channel").get("Channel");
        }
        return phoneChannel;
    }
}
