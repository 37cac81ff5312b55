package org.hotline.gateway.flow;

import java.util.List;
import java.util.Map;

/**
 * What flows are checked and bound against: the deployment's languages in menu order, its teams
 * with their overflow numbers, and the region for numbers dialled without a country code.
 */
public record FlowEnvironment(List<Flow.LanguageOption> languages, Map<String, List<String>> teamOverflowNumbers,
                              String phoneRegion) {
    public FlowEnvironment {
        languages = List.copyOf(languages);
        teamOverflowNumbers = Map.copyOf(teamOverflowNumbers);
    }
}
