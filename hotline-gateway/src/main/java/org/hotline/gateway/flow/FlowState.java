package org.hotline.gateway.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the engine needs between two inputs; small and serializable, stored between webhooks.
 *
 * @param node      the node waiting for input, or the last node when ended
 * @param attempts  failed attempts at the current asking node
 * @param page      the language menu's stage: -1 offering one language (written in, or returning), 0.. the page shown
 * @param vars      answers the flow saved (topic, safe_to_call, callback_number, recording, ...)
 * @param path      node ids in the order visited, for the call log
 * @param referred  ids of the refer nodes already emitted, so nothing is referred twice
 */
public record FlowState(String flowId, String sessionId, String node, String language, int attempts, int page,
                        Map<String, String> vars, List<String> path, Facts facts, Set<String> referred, boolean ended) {

    public FlowState {
        vars = Map.copyOf(vars);
        path = List.copyOf(path);
        referred = Set.copyOf(referred);
    }

    FlowState at(String nodeId) {
        List<String> newPath = new ArrayList<>(path);
        newPath.add(nodeId);
        return new FlowState(flowId, sessionId, nodeId, language, 0, 0, vars, newPath, facts, referred, ended);
    }

    FlowState withAttempts(int newAttempts) {
        return new FlowState(flowId, sessionId, node, language, newAttempts, page, vars, path, facts, referred, ended);
    }

    FlowState withPage(int newPage) {
        return new FlowState(flowId, sessionId, node, language, attempts, newPage, vars, path, facts, referred, ended);
    }

    FlowState withFacts(Facts newFacts) {
        return new FlowState(flowId, sessionId, node, language, attempts, page, vars, path, newFacts, referred, ended);
    }

    FlowState withLanguage(String newLanguage) {
        return new FlowState(flowId, sessionId, node, newLanguage, attempts, page, vars, path, facts, referred, ended);
    }

    FlowState withVar(String name, String value) {
        if (name == null) {
            return this;
        }
        Map<String, String> newVars = new LinkedHashMap<>(vars);
        newVars.put(name, value);
        return new FlowState(flowId, sessionId, node, language, attempts, page, newVars, path, facts, referred, ended);
    }

    FlowState withReferred(String referId) {
        Set<String> newReferred = new TreeSet<>(referred);
        newReferred.add(referId);
        return new FlowState(flowId, sessionId, node, language, attempts, page, vars, path, facts, newReferred, ended);
    }

    FlowState finished() {
        return new FlowState(flowId, sessionId, node, language, attempts, page, vars, path, facts, referred, true);
    }
}
