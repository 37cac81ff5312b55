package org.hotline.gateway.flow;

import java.time.Duration;
import java.util.List;

/**
 * The node types of the flow language. A node does one thing, then names where each outcome goes;
 * waiting nodes (the asks, route and record) stop the engine until the channel brings an input.
 * Every node remembers the line it was written on, so runtime and validation messages can point there.
 */
public sealed interface Node {

    String id();

    int line();

    /** Ids of every node this one can go to, for the validator's graph checks. */
    List<String> exits();

    /**
     * Speaks or writes a prompt, then goes on. {@code team} (else the team of the last route or
     * record) fills {@code {hours}} and {@code {team}} in the text.
     */
    record Say(String id, int line, String prompt, String team, String next) implements Node {
        public List<String> exits() {
            return List.of(next);
        }
    }

    /** Choices by key (or by reply text in chat); invalid input and silence are retried, then {@code onFailure}. */
    record Menu(String id, int line, String prompt, List<Choice> choices, String saveAs, Asking asking) implements Node {
        public List<String> exits() {
            var exits = new java.util.ArrayList<>(choices.stream().map(Choice::next).toList());
            exits.add(asking.onFailure());
            return exits;
        }
    }

    /** One choice of a menu: {@code value} is what {@code saveAs} records (e.g. the topic). */
    record Choice(String key, String label, String value, String next, int line) {}

    /** Sets the session language; a returning caller is first offered their last language. */
    record LanguageMenu(String id, int line, String prompt, boolean offerReturning, String next, Asking asking) implements Node {
        public List<String> exits() {
            return List.of(next, asking.onFailure());
        }
    }

    /** Goes to the first case whose condition holds, else {@code otherwise}. */
    record Branch(String id, int line, List<Case> cases, String otherwise) implements Node {
        public List<String> exits() {
            var exits = new java.util.ArrayList<>(cases.stream().map(Case::next).toList());
            exits.add(otherwise);
            return exits;
        }
    }

    record Case(Condition condition, String next, int line) {}

    /** A yes/no question (1 = yes, 2 = no; or the words in chat); {@code saveAs} records "yes" or "no". */
    record YesNo(String id, int line, String prompt, String saveAs, String yes, String no, Asking asking) implements Node {
        public List<String> exits() {
            return List.of(yes, no, asking.onFailure());
        }
    }

    /** Collects digits (ended by #); with {@code phone} they must make a valid phone number, saved in E.164. */
    record CollectDigits(String id, int line, String prompt, String saveAs, int minDigits, int maxDigits, boolean phone,
                         String next, Asking asking) implements Node {
        public List<String> exits() {
            return List.of(next, asking.onFailure());
        }
    }

    /** Hands the contact to a team's queue; the channel reports how it went. */
    record Route(String id, int line, String team, Priority priority, String answered, String nobody, String timeout) implements Node {
        public List<String> exits() {
            return List.of(answered, nobody, timeout);
        }
    }

    /**
     * Records a voicemail of at most {@code max} for {@code team} (with {@code priority}, null for
     * the session's); {@code silent} when nothing was recorded.
     */
    record Record(String id, int line, String prompt, String team, Priority priority, Duration max, String recorded,
                  String silent) implements Node {
        public List<String> exits() {
            return List.of(recorded, silent);
        }
    }

    /**
     * Emits a referral for the case connector, with everything the flow collected so far. Without
     * {@code team} or {@code urgency} it takes those of the last route or record.
     */
    record Refer(String id, int line, ReferralKind kind, Priority urgency, String team, String next) implements Node {
        public List<String> exits() {
            return List.of(next);
        }
    }

    /** Transfers the call to an outside number, or to a team's first overflow number. Ends the flow. */
    record Transfer(String id, int line, String number, String overflowOf) implements Node {
        public List<String> exits() {
            return List.of();
        }
    }

    record End(String id, int line, String reason) implements Node {
        public List<String> exits() {
            return List.of();
        }
    }

    /** How a waiting node asks: the timeout, how often it re-asks, what it says when input is wrong or missing. */
    record Asking(Duration timeout, int retries, String invalidPrompt, String silencePrompt, String onFailure) {}

    enum Priority { URGENT, NORMAL }

    enum ReferralKind {
        CASE_REFERRAL, INFORMATION, CALLBACK, VOICEMAIL;

        public String wireName() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
