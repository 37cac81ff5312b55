package org.hotline.gateway.contact;

import java.util.Set;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Facts;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.state.CompactText;

/** A flow's state in a contact's compact record ({@link CompactText}): written and read on every step. */
public final class FlowStateText {

    private FlowStateText() {}

    public static void write(CompactText.Writer out, FlowState state) {
        out.text(state.flowId()).text(state.sessionId()).text(state.node()).text(state.language())
                .number(state.attempts()).number(state.page()).map(state.vars()).texts(state.path());
        Facts facts = state.facts();
        out.flag(facts != null);
        if (facts != null) {
            out.enumValue(facts.channel()).flag(facts.callerKnown()).text(facts.returningLanguage()).texts(facts.openTeams())
                    .flag(facts.holiday()).text(facts.writtenLanguage());
        }
        out.texts(state.referred()).flag(state.ended());
    }

    public static FlowState read(CompactText.Reader in) {
        String flowId = in.text();
        String sessionId = in.text();
        String node = in.text();
        String language = in.text();
        int attempts = in.integer();
        int page = in.integer();
        var vars = in.map();
        var path = in.texts();
        Facts facts = in.flag()
                ? new Facts(in.enumValue(Channel.class), in.flag(), in.text(), Set.copyOf(in.texts()), in.flag(), in.text())
                : null;
        return new FlowState(flowId, sessionId, node, language, attempts, page, vars, path, facts, Set.copyOf(in.texts()), in.flag());
    }
}
