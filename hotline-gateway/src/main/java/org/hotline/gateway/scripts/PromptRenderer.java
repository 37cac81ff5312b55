package org.hotline.gateway.scripts;

import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Prompts;

/**
 * Turns a prompt id into the words a caller hears or reads, filling {@code {team}} and
 * {@code {hours}} from the configuration and {@code {label}}/{@code {key}} for menus.
 */
public final class PromptRenderer {

    private final Prompts prompts;
    private final HotlineDirectory directory;

    public PromptRenderer(Prompts prompts, HotlineDirectory directory) {
        this.prompts = prompts;
        this.directory = directory;
    }

    public Prompts prompts() {
        return prompts;
    }

    /** {@code team} may be null: {@code {hours}} then names the first team's hours (all share the office). */
    public String text(String language, String promptId, String team) {
        String text = prompts.text(language, promptId);
        if (text.indexOf('{') < 0) {
            return text;
        }
        String teamId = team != null ? team : directory.teams().getFirst().id();
        var teamConfig = directory.team(teamId).orElseThrow(() -> new IllegalArgumentException("unknown team " + teamId));
        return text.replace("{team}", teamConfig.names().getOrDefault(language, teamId))
                .replace("{hours}", OpeningHoursText.describe(directory.scheduleOf(teamId), language));
    }

    /** A menu line such as "Voluntary return: press 2." in {@code language}. */
    public String option(String language, String template, String label, String key) {
        return prompts.text(language, template).replace("{label}", label).replace("{key}", key);
    }
}
