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

    /**
     * What an interpreter hears on picking up, in {@code language} (the hotline's own): the team that
     * calls and the language needed (its English name, as officers hear it in their whisper).
     */
    public String interpreterRequest(String language, String team, String interpreted) {
        String name = directory.language(interpreted).map(l -> l.englishName()).orElse(interpreted);
        return text(language, "interpreter_request", team).replace("{language}", name);
    }

    /** Every interpreter request the deployment can make, in {@code language}: for audio rendered beforehand. */
    public java.util.List<String> interpreterRequests(String language) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (var team : directory.teams()) {
            directory.config().interpreters().roster().stream().flatMap(i -> i.languages().stream()).distinct().sorted()
                    .forEach(interpreted -> texts.add(interpreterRequest(language, team.id(), interpreted)));
        }
        return texts;
    }

    /** A menu line such as "Voluntary return: press 2." in {@code language}. */
    public String option(String language, String template, String label, String key) {
        return prompts.text(language, template).replace("{label}", label).replace("{key}", key);
    }
}
