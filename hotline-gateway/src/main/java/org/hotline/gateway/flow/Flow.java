package org.hotline.gateway.flow;

import java.util.List;
import java.util.Map;

/**
 * A loaded, validated flow, bound to the deployment's languages and prompts.
 *
 * @param officerKey    the key that asks for an officer at any question ("0"), or null
 * @param officerTarget the node that key leads to
 * @param repeatKey     the key that repeats the current question ("*"), or null
 */
public record Flow(String id, String file, String start, String defaultLanguage, String phoneRegion,
                   String repeatKey, String officerKey, String officerTarget,
                   Map<String, Node> nodes, List<LanguageOption> languages, Prompts prompts) {

    public Flow {
        nodes = Map.copyOf(nodes);
        languages = List.copyOf(languages);
    }

    /** A language of the menu: its code and its names, for matching typed replies. */
    public record LanguageOption(String code, String name, String englishName) {}

    /**
     * Whether anything in the flow reads a returning caller's last language (a language menu that
     * offers it, a branch on it): when nothing does, a channel need not look it up for every new contact.
     */
    public boolean readsReturningLanguage() {
        return nodes.values().stream().anyMatch(n -> n instanceof Node.LanguageMenu menu && menu.offerReturning()
                || n instanceof Node.Branch branch && branch.cases().stream().anyMatch(c -> c.condition() instanceof Condition.ReturningCaller));
    }

    public Node node(String nodeId) {
        Node node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalStateException("flow '" + id + "' has no node '" + nodeId + "'");
        }
        return node;
    }
}
