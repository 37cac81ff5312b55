package org.hotline.gateway.flow;

import java.time.Duration;
import java.util.List;
import org.hotline.gateway.flow.Node.Priority;

/**
 * What the engine tells a channel to do. A step says what, never how: voice renders an ask as
 * speech and a keypad gather, chat as a numbered list or buttons.
 */
public sealed interface Step {

    /** Speak or write {@code prompt} in {@code language}; {@code team} (may be null) fills {@code {hours}} and {@code {team}}. */
    record Say(String prompt, String language, String team) implements Step {}

    /**
     * Ask and wait. {@code options} are the keys the caller can press (or reply with), each with a
     * label prompt in its own language (the language menu names each language in itself).
     */
    record Ask(String node, AskKind kind, String prompt, String language, List<Option> options, Duration timeout,
               int maxDigits, boolean officerKey, boolean repeatKey) implements Step {
        public Ask {
            options = List.copyOf(options);
        }
    }

    record Option(String key, String label, String labelLanguage) {}

    enum AskKind { MENU, LANGUAGE, YES_NO, DIGITS }

    /** Put the contact in {@code team}'s queue; the channel answers with a route result. */
    record Route(String team, Priority priority, String language, String topic) implements Step {}

    /** Record a voicemail of at most {@code max}; the channel answers with a recording result. */
    record Record(Duration max) implements Step {}

    /** Hand a referral to the case connector. */
    record Refer(Referral referral) implements Step {}

    /** Connect the call to an outside number; the flow ends after it. */
    record Transfer(String number) implements Step {}

    record End(String reason) implements Step {}
}
