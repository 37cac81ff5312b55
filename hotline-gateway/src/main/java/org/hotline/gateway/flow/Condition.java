package org.hotline.gateway.flow;

import java.util.Set;

/** What a branch can ask about: facts the engine is given, never looks up. */
public sealed interface Condition {

    boolean holds(FlowState state);

    /** The team is open now (its hours, no holiday, no supervisor override closing it). */
    record TeamOpen(String team, boolean expected) implements Condition {
        public boolean holds(FlowState s) {
            return s.facts().openTeams().contains(team) == expected;
        }
    }

    record Holiday(boolean expected) implements Condition {
        public boolean holds(FlowState s) {
            return s.facts().holiday() == expected;
        }
    }

    record ChannelIs(Channel channel) implements Condition {
        public boolean holds(FlowState s) {
            return s.facts().channel() == channel;
        }
    }

    record LanguageIn(Set<String> languages) implements Condition {
        public boolean holds(FlowState s) {
            return s.language() != null && languages.contains(s.language());
        }
    }

    record ReturningCaller(boolean expected) implements Condition {
        public boolean holds(FlowState s) {
            return (s.facts().returningLanguage() != null) == expected;
        }
    }

    /** The caller's number is known (not withheld), so a callback to it is possible. */
    record CallerKnown(boolean expected) implements Condition {
        public boolean holds(FlowState s) {
            return s.facts().callerKnown() == expected;
        }
    }

    /** A variable the flow saved earlier has this value. */
    record VariableIs(String name, String value) implements Condition {
        public boolean holds(FlowState s) {
            return value.equals(s.vars().get(name));
        }
    }
}
