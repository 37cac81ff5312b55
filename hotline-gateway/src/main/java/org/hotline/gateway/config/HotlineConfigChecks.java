package org.hotline.gateway.config;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.gateway.config.HotlineConfig.Language;
import org.hotline.gateway.config.HotlineConfig.Officer;
import org.hotline.gateway.config.HotlineConfig.Team;
import org.hotline.gateway.phone.PhoneNumbers;

/**
 * Checks across fields that annotations cannot express. Reports every problem at once, each with
 * the property path that {@link ConfigOrigins} turns into a file and line.
 */
public final class HotlineConfigChecks {

    private HotlineConfigChecks() {}

    public static List<ConfigProblem> check(HotlineConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> languages = checkLanguages(config.languages(), problems);
        Set<String> teams = checkTeams(config, languages, problems);
        checkOfficers(config.officers(), languages, teams, problems);
        checkHolidays(config.holidays(), problems);
        checkSavedReplies(config.console().savedReplies(), languages, problems);
        checkOrganisations(config.organisations(), teams, problems);
        checkInterpreters(config, languages, problems);
        return problems;
    }

    /** One id per organisation, and none that is also a team's: a referral's target must be unambiguous. */
    private static void checkOrganisations(List<HotlineConfig.Organisation> organisations, Set<String> teams, List<ConfigProblem> problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < organisations.size(); i++) {
            var organisation = organisations.get(i);
            String path = "hotline.organisations[" + i + "].id";
            if (!ids.add(organisation.id())) {
                problems.add(new ConfigProblem(path, organisation.id(), "organisation declared twice"));
            } else if (teams.contains(organisation.id())) {
                problems.add(new ConfigProblem(path, organisation.id(), "is the id of a team: give the organisation another"));
            }
        }
    }

    /**
     * Interpreters: one id each, never an officer's (screens, logs and the audit trail name people
     * by id), languages the hotline declares, a way to reach them and hours that exist.
     */
    private static void checkInterpreters(HotlineConfig config, Set<String> languages, List<ConfigProblem> problems) {
        Set<String> officers = new HashSet<>();
        config.officers().forEach(o -> officers.add(o.id()));
        Set<String> ids = new HashSet<>();
        var roster = config.interpreters().roster();
        for (int i = 0; i < roster.size(); i++) {
            var interpreter = roster.get(i);
            String path = "hotline.interpreters.roster[" + i + "]";
            if (!ids.add(interpreter.id())) {
                problems.add(new ConfigProblem(path + ".id", interpreter.id(), "interpreter declared twice"));
            } else if (officers.contains(interpreter.id())) {
                problems.add(new ConfigProblem(path + ".id", interpreter.id(), "is the id of an officer: give the interpreter another"));
            }
            if (interpreter.languages().isEmpty()) {
                problems.add(new ConfigProblem(path + ".languages", null, "interpreter '" + interpreter.id() + "' interprets no language"));
            }
            checkDeclared(interpreter.languages(), languages, path + ".languages", problems);
            if (interpreter.reach().isEmpty()) {
                problems.add(new ConfigProblem(path + ".reach", null,
                        "interpreter '" + interpreter.id() + "' cannot be reached: give a phone, sip or twilio-client"));
            } else if (interpreter.reach().phone() != null && !PhoneNumbers.isValidE164(interpreter.reach().phone())) {
                problems.add(new ConfigProblem(path + ".reach.phone", "(hidden)", "not a valid phone number in E.164 form (+359...)"));
            }
            if (interpreter.hours() != null && !config.schedules().containsKey(interpreter.hours())) {
                problems.add(new ConfigProblem(path + ".hours", interpreter.hours(),
                        "no such schedule; known schedules are " + config.schedules().keySet()));
            }
        }
    }

    private static void checkSavedReplies(List<HotlineConfig.SavedReply> replies, Set<String> languages, List<ConfigProblem> problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < replies.size(); i++) {
            var reply = replies.get(i);
            String path = "hotline.console.saved-replies[" + i + "]";
            if (!ids.add(reply.id())) {
                problems.add(new ConfigProblem(path + ".id", reply.id(), "saved reply declared twice"));
            }
            if (reply.texts().isEmpty()) {
                problems.add(new ConfigProblem(path + ".texts", null, "saved reply '" + reply.id() + "' has no text"));
            }
            for (String language : new java.util.TreeSet<>(reply.texts().keySet())) {
                if (!languages.contains(language)) {
                    problems.add(new ConfigProblem(path + ".texts." + language, language,
                            "language not declared in hotline.languages " + new java.util.TreeSet<>(languages)));
                }
            }
        }
    }

    private static Set<String> checkLanguages(List<Language> languages, List<ConfigProblem> problems) {
        Set<String> codes = new HashSet<>();
        Map<Integer, String> positions = new HashMap<>();
        for (int i = 0; i < languages.size(); i++) {
            Language language = languages.get(i);
            String path = "hotline.languages[" + i + "]";
            if (!codes.add(language.code())) {
                problems.add(new ConfigProblem(path + ".code", language.code(), "language declared twice"));
            }
            String other = positions.putIfAbsent(language.menuPosition(), language.code());
            if (other != null) {
                problems.add(new ConfigProblem(path + ".menu-position", language.menuPosition(),
                        "menu position already taken by '" + other + "'"));
            }
        }
        Set<Integer> expected = new HashSet<>();
        for (int position = 1; position <= languages.size(); position++) {
            expected.add(position);
        }
        if (positions.size() == languages.size() && !positions.keySet().equals(expected)) {
            problems.add(new ConfigProblem("hotline.languages", new java.util.TreeSet<>(positions.keySet()),
                    "menu positions must run from 1 to " + languages.size() + " without gaps"));
        }
        return codes;
    }

    private static Set<String> checkTeams(HotlineConfig config, Set<String> languages, List<ConfigProblem> problems) {
        for (int i = 0; i < config.languages().size(); i++) {
            String fallback = config.languages().get(i).audioFallback();
            if (fallback != null && !languages.contains(fallback)) {
                problems.add(new ConfigProblem("hotline.languages[" + i + "].audio-fallback", fallback,
                        "language not declared in hotline.languages"));
            }
        }
        Set<String> ids = new HashSet<>();
        Set<String> staffed = new HashSet<>();
        config.officers().forEach(o -> staffed.addAll(o.teams()));
        for (int i = 0; i < config.teams().size(); i++) {
            Team team = config.teams().get(i);
            String path = "hotline.teams[" + i + "]";
            if (!ids.add(team.id())) {
                problems.add(new ConfigProblem(path + ".id", team.id(), "team declared twice"));
            }
            if (team.hours() == null || team.hours().isBlank()) {
                problems.add(new ConfigProblem(path + ".hours", null,
                        "team '" + team.id() + "' has no hours; name one of the schedules " + config.schedules().keySet()));
            } else if (!config.schedules().containsKey(team.hours())) {
                problems.add(new ConfigProblem(path + ".hours", team.hours(),
                        "no such schedule; known schedules are " + config.schedules().keySet()));
            }
            if (team.languages().isEmpty()) {
                problems.add(new ConfigProblem(path + ".languages", null, "team '" + team.id() + "' serves no language"));
            }
            checkDeclared(team.languages(), languages, path + ".languages", problems);
            for (String language : languages) {
                if (!team.names().containsKey(language)) {
                    problems.add(new ConfigProblem(path + ".names", team.names().keySet(),
                            "team '" + team.id() + "' has no name in '" + language + "'"));
                }
            }
            for (String language : team.names().keySet()) {
                if (!languages.contains(language)) {
                    problems.add(new ConfigProblem(path + ".names." + language, language, "language not declared in hotline.languages"));
                }
            }
            checkNumbers(team.phoneNumbers(), path + ".phone-numbers", problems);
            checkNumbers(team.overflowNumbers(), path + ".overflow-numbers", problems);
            checkNumbers(team.messagingNumbers(), path + ".messaging-numbers", problems);
            if (team.id() != null && !staffed.contains(team.id())) {
                problems.add(new ConfigProblem(path + ".id", team.id(), "team has no officers"));
            }
        }
        return ids;
    }

    private static void checkOfficers(List<Officer> officers, Set<String> languages, Set<String> teams,
                                      List<ConfigProblem> problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < officers.size(); i++) {
            Officer officer = officers.get(i);
            String path = "hotline.officers[" + i + "]";
            if (!ids.add(officer.id())) {
                problems.add(new ConfigProblem(path + ".id", officer.id(), "officer declared twice"));
            }
            if (officer.languages().isEmpty()) {
                problems.add(new ConfigProblem(path + ".languages", null, "officer '" + officer.id() + "' speaks no language"));
            }
            checkDeclared(officer.languages(), languages, path + ".languages", problems);
            if (officer.teams().isEmpty()) {
                problems.add(new ConfigProblem(path + ".teams", null, "officer '" + officer.id() + "' is in no team"));
            }
            for (int t = 0; t < officer.teams().size(); t++) {
                if (!teams.contains(officer.teams().get(t))) {
                    problems.add(new ConfigProblem(path + ".teams[" + t + "]", officer.teams().get(t),
                            "no such team; known teams are " + new java.util.TreeSet<>(teams)));
                }
            }
            if (officer.reach().isEmpty()) {
                problems.add(new ConfigProblem(path + ".reach", null,
                        "officer '" + officer.id() + "' cannot be reached: give a phone, sip or twilio-client"));
            } else if (officer.reach().phone() != null && !PhoneNumbers.isValidE164(officer.reach().phone())) {
                problems.add(new ConfigProblem(path + ".reach.phone", "(hidden)", "not a valid phone number in E.164 form (+359...)"));
            }
        }
    }

    private static void checkHolidays(HotlineConfig.Holidays holidays, List<ConfigProblem> problems) {
        try {
            HolidayManager.getInstance(ManagerParameters.create(holidays.country().toLowerCase()));
        } catch (RuntimeException e) {
            problems.add(new ConfigProblem("hotline.holidays.country", holidays.country(),
                    "no holiday calendar for this country code"));
        }
    }

    private static void checkDeclared(List<String> used, Set<String> declared, String path, List<ConfigProblem> problems) {
        for (int i = 0; i < used.size(); i++) {
            if (!declared.contains(used.get(i))) {
                problems.add(new ConfigProblem(path + "[" + i + "]", used.get(i),
                        "language not declared in hotline.languages " + new java.util.TreeSet<>(declared)));
            }
        }
    }

    private static void checkNumbers(List<String> numbers, String path, List<ConfigProblem> problems) {
        for (int i = 0; i < numbers.size(); i++) {
            if (!PhoneNumbers.isValidE164(numbers.get(i))) {
                problems.add(new ConfigProblem(path + "[" + i + "]", numbers.get(i),
                        "not a valid phone number in E.164 form (+359...)"));
            }
        }
    }
}
