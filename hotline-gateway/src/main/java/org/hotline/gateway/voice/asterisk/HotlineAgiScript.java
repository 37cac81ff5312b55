package org.hotline.gateway.voice.asterisk;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.contact.Person;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.phone.PhoneNumbers;
import org.hotline.gateway.scripts.AudioNames;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.scripts.VoiceQuestion;
import org.hotline.caseconnector.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotline flow over FastAGI: one connection is one call, the flow's state lives in the
 * connection's thread. Steps become AGI commands: say → STREAM FILE, a question → STREAM FILE with
 * escape digits then WAIT FOR DIGIT (or GET DATA for numbers), record → RECORD FILE, route → Queue
 * (QUEUESTATUS tells how it went), transfer → Dial on the trunk, end → HANGUP. Whatever happens, the
 * script leaves HOTLINE_STATUS (SUCCESS or FAILED) so the dialplan can fall back. Stateless and
 * thread-safe: Asterisk-Java calls one instance for every call.
 */
public class HotlineAgiScript implements AgiScript {

    private static final Logger log = LoggerFactory.getLogger(HotlineAgiScript.class);
    private static final String ANY_KEY = "0123456789*#";

    private final ContactRunner contacts;
    private final PromptRenderer prompts;
    private final AsteriskSettings settings;
    private final Duration maxQueueWait;
    private final String region;
    private final java.util.function.Supplier<AsteriskInterpreterLine> interpreterLine;
    private final MeterRegistry metrics;
    private final Clock clock;

    /**
     * {@code region}: how to read caller IDs that come without a country code (the hotline's country);
     * {@code interpreterLine}: AMI's interpreter line, or null without AMI.
     */
    public HotlineAgiScript(ContactRunner contacts, PromptRenderer prompts, AsteriskSettings settings, Duration maxQueueWait, String region,
                            java.util.function.Supplier<AsteriskInterpreterLine> interpreterLine, MeterRegistry metrics, Clock clock) {
        this.interpreterLine = interpreterLine;
        this.contacts = contacts;
        this.prompts = prompts;
        this.settings = settings;
        this.maxQueueWait = maxQueueWait;
        this.region = region;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * What one call did, for its call record. {@code id} is the gateway's own, new for every
     * connection: Asterisk's unique id comes from whoever connects, and two connections naming the
     * same one must never share a session, referrals or a record. Asterisk's id (which carries its
     * system name when asterisk.conf sets one) and channel are kept beside it, to match AMI events
     * and to find the call in Asterisk's logs.
     */
    private static final class Call {
        final String id;
        final String asteriskId;
        final String asteriskChannel;
        final String caller;
        final Person person;
        final Instant started;
        final List<String> referralIds = new ArrayList<>();
        boolean callback;
        boolean voicemail;
        boolean transferred;
        boolean answered;
        boolean hungUp;
        Instant queuedAt;
        Instant queueLeft;
        Instant talkEnded;
        String officer;
        FlowEngine.Result result;

        void referred(ContactRunner.Referred referred) {
            referralIds.add(referred.id());
            callback |= referred.callback();
            voicemail |= referred.voicemail();
        }

        Call(String id, String asteriskId, String asteriskChannel, String caller, Instant started) {
            this.id = id;
            this.asteriskId = asteriskId;
            this.asteriskChannel = asteriskChannel;
            this.caller = caller;
            this.person = Person.caller(ContactChannel.ASTERISK, caller);
            this.started = started;
        }
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String caller = PhoneNumbers.normalize(request.getCallerIdNumber(), region).orElse(null);
        Call call = new Call(newCallId(), request.getUniqueId(), request.getChannel(), caller, clock.instant());
        log.info("call {} is Asterisk's {} on channel {}", call.id, call.asteriskId, call.asteriskChannel);
        String status = "FAILED";
        try {
            call.result = contacts.start(call.id, call.person);
            channel.answer();
            while (true) {
                Input input = perform(call, call.result.steps(), channel);
                if (call.result.state().ended() || input == null) {
                    break;
                }
                call.result = contacts.advance(call.result.state(), input);
            }
            status = "SUCCESS";
        } catch (AgiHangupException hangup) {
            call.hungUp = true;
            status = "SUCCESS";
            if (call.result != null) {
                ContactRunner.HungUp last = contacts.hangUp(call.result.state(), call.person, ContactRunner.Attachments.NONE);
                call.result = new FlowEngine.Result(List.of(), last.state());
                last.referred().forEach(referred -> call.referred(referred));
            }
        } catch (RuntimeException | AgiException e) {
            log.error("call {} from {} failed on FastAGI; the dialplan falls back: {}", call.id, Masking.phone(caller), e.toString());
        } finally {
            record(call);
            setStatus(channel, status);
        }
    }

    /** Performs the steps; returns the input the last waiting step produced, or null when the flow ended. */
    private Input perform(Call call, List<Step> steps, AgiChannel channel) throws AgiException {
        Input input = null;
        for (int i = 0; i < steps.size(); i++) {
            try {
                Step step = steps.get(i);
                Input produced = perform(call, step, channel);
                if (step instanceof Step.End) {
                    return null;
                }
                input = produced == null ? input : produced;
            } catch (AgiHangupException hangup) {
                // a caller who hangs up while being thanked has still left the message: the referrals
                // this turn promised are made all the same
                steps.subList(i + 1, steps.size()).stream().filter(Step.Refer.class::isInstance)
                        .forEach(step -> refer(call, (Step.Refer) step));
                throw hangup;
            }
        }
        return input;
    }

    private Input perform(Call call, Step step, AgiChannel channel) throws AgiException {
        switch (step) {
            case Step.Say say -> channel.streamFile(sound(say.language(), prompts.text(say.language(), say.prompt(), say.team())));
            case Step.Ask ask -> {
                return ask(ask, channel);
            }
            case Step.Record record -> {
                return record(call, record, channel);
            }
            case Step.Route route -> {
                return queue(call, route, channel);
            }
            case Step.Refer refer -> refer(call, refer);
            case Step.Transfer transfer -> {
                call.transferred = true;
                channel.exec("Dial", DialplanValues.require("transfer number", settings.dialString(transfer.number())), "60");
            }
            case Step.End end -> {
                // said before hanging up: afterwards the channel takes no more variables
                channel.setVariable("HOTLINE_STATUS", "SUCCESS");
                channel.hangup();
            }
        }
        return null;
    }

    private Input ask(Step.Ask ask, AgiChannel channel) throws AgiException {
        List<VoiceQuestion.Sentence> sentences = VoiceQuestion.sentences(ask, prompts);
        long timeout = ask.timeout().toMillis();
        if (ask.kind() == Step.AskKind.DIGITS) {
            for (VoiceQuestion.Sentence s : sentences.subList(0, sentences.size() - 1)) {
                channel.streamFile(sound(s.language(), s.text()));
            }
            VoiceQuestion.Sentence last = sentences.getLast();
            String digits = channel.getData(sound(last.language(), last.text()), timeout, ask.maxDigits());
            return digits == null || digits.isEmpty() ? new Input.Silence() : new Input.Digits(digits);
        }
        // a caller who knows the menu answers while it is still being said
        for (VoiceQuestion.Sentence s : sentences) {
            char key = channel.streamFile(sound(s.language(), s.text()), ANY_KEY);
            if (key != 0) {
                return new Input.Digits(String.valueOf(key));
            }
        }
        char key = channel.waitForDigit((int) timeout);
        return key == 0 ? new Input.Silence() : new Input.Digits(String.valueOf(key));
    }

    private Input record(Call call, Step.Record record, AgiChannel channel) throws AgiException {
        String file = settings.recordings() + "/" + call.id;
        // "after the tone": the tone prompts render makes, not Asterisk's optional beep, whose absence
        // makes RECORD FILE fail (randomerror)
        channel.streamFile(settings.sounds() + "/" + AudioNames.TONE);
        // the prompt says "press any key" when finished, as Twilio's <Record> also ends on any key
        AgiReply reply = channel.sendCommand(new RecordFileCommand(file, "wav", ANY_KEY, (int) record.max().toMillis(), 0, false, 5));
        if (reply.getResultCode() == -1 && reply.getExtra() != null && !reply.getExtra().isBlank() && !reply.getExtra().strip().equals("hangup")) {
            // Asterisk could not record at all (writefile: the folder is missing or not Asterisk's;
            // randomerror: a sound it plays is missing): not the caller's silence. A hang-up (-1 too)
            // is how most messages end, and keeps what was said. The flow offers
            // what it offers when there is no message; operators see why in the log and the metric.
            String reason = reply.getExtra().strip().replaceAll("[^A-Za-z0-9_-]", "");
            metrics.counter("hotline.asterisk.recordings.failed", "reason", reason.isEmpty() ? "unknown" : reason).increment();
            log.error("call {}: Asterisk could not record the message into {} ({}); no voicemail was taken", call.id, settings.recordings(),
                    reason);
            return new Input.RecordingResult(false, null);
        }
        // RECORD FILE tells how many samples it wrote (endpos), also when the caller hung up at the
        // end of the message, which is how most messages end; half a second of audio is a message
        long samples = parseLong(reply.getAttribute("endpos"));
        boolean recorded = samples >= 4000;
        return new Input.RecordingResult(recorded, recorded ? file + ".wav" : null);
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Input queue(Call call, Step.Route route, AgiChannel channel) throws AgiException {
        // the officer's screen: Asterisk names the caller by this channel's unique id in its queue events
        contacts.routed(call.id, call.asteriskId, call.result.state(), route, call.person);
        Instant entered = clock.instant();
        channel.exec("Queue", DialplanValues.require("queue name", settings.queueFor(route.team(), route.language())), "t", "", "", String.valueOf(maxQueueWait.toSeconds()));
        // Queue returns when the caller leaves the queue or, if an officer took the call, when that
        // call ends: then this is the end of the talk
        Instant returned = clock.instant();
        // only now: a caller already gone gets 511 instead, and never was in the queue
        call.queuedAt = entered;
        // the variables can still be read when the caller has hung up (GET VARIABLE works on a dead
        // channel): MEMBERNAME is set when an officer took the call (queues.conf setinterfacevar=yes),
        // QUEUESTATUS when the caller left unanswered; neither means the caller hung up while waiting
        String member = channel.getVariable("MEMBERNAME");
        if (member != null && !member.isBlank()) {
            call.queueLeft = answeredAt(entered, channel.getVariable("QEHOLDTIME"), returned);
            call.talkEnded = returned;
            call.answered = true;
            call.officer = member;
            return new Input.RouteResult(Input.RouteOutcome.ANSWERED);
        }
        String queueStatus = channel.getVariable("QUEUESTATUS");
        if (queueStatus == null || queueStatus.isBlank()) {
            throw new AgiHangupException();
        }
        call.queueLeft = clock.instant();
        return new Input.RouteResult(queueStatus.equals("TIMEOUT") ? Input.RouteOutcome.TIMEOUT : Input.RouteOutcome.NOBODY);
    }

    /**
     * When the officer picked up. Queue returns only when the bridged call ends, so that moment would
     * add the talk to the wait; QEHOLDTIME (queues.conf {@code setqueueentryvar=yes}) is the caller's
     * wait in seconds, set just before the bridge. Without it, the end of the call is the best there is.
     */
    private static Instant answeredAt(Instant entered, String holdSeconds, Instant returned) {
        if (holdSeconds != null && holdSeconds.strip().matches("\\d{1,6}")) {
            return entered.plusSeconds(Long.parseLong(holdSeconds.strip()));
        }
        return returned;
    }

    /** The recording's place on the Asterisk host is the referral's own reference: nothing to attach by URL. */
    private void refer(Call call, Step.Refer refer) {
        call.referred(contacts.refer(refer, call.person, ContactRunner.Attachments.NONE));
    }

    private void record(Call call) {
        if (call.result == null) {
            return;
        }
        try {
            var state = call.result.state();
            boolean waitingInQueue = call.hungUp && call.queuedAt != null && !call.answered && call.queueLeft == null;
            Instant now = clock.instant();
            // from the pick-up to the end of the bridge, both on the call's own timeline: AMI's
            // AgentComplete says the same, but arrives on another connection at about the same moment
            Duration talk = call.answered && call.talkEnded != null && call.talkEnded.isAfter(call.queueLeft)
                    ? Duration.between(call.queueLeft, call.talkEnded) : Duration.ZERO;
            CallRecord record = new CallRecord(call.id, ContactChannel.ASTERISK, call.caller, state.language(), state.vars().get("topic"),
                    state.vars().get("team"), state.path(), call.started, now,
                    call.queuedAt == null ? Duration.ZERO : Duration.between(call.queuedAt, call.queueLeft == null ? now : call.queueLeft),
                    call.officer, talk, CallOutcome.of(call.answered, call.transferred, call.callback, call.voicemail, call.hungUp,
                    waitingInQueue), call.referralIds, null, call.asteriskId + " " + call.asteriskChannel, null);
            // moved into a conference with an interpreter (which ends this session): recorded when the caller leaves it
            AsteriskInterpreterLine line = interpreterLine.get();
            if (line == null || !line.deferIfInConference(record)) {
                contacts.ended(record, call.person);
            }
        } catch (RuntimeException e) {
            log.error("call {}: the call record could not be written: {}", call.id, e.toString());
        }
    }

    /** {@code AGI} + 26 random letters and digits, as unguessable as a Twilio CallSid. */
    private static String newCallId() {
        return "AGI" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    private void setStatus(AgiChannel channel, String status) {
        try {
            channel.setVariable("HOTLINE_STATUS", status);
        } catch (AgiException channelGone) {
            // the caller hung up: nobody is left to fall back for
        }
    }

    private String sound(String language, String text) {
        return settings.sounds() + "/" + language + "/" + AudioNames.of(language, text);
    }
}
