package org.hotline.gateway.config;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.gateway.config.HotlineConfig.Language;
import org.hotline.gateway.config.HotlineConfig.Officer;
import org.hotline.gateway.config.HotlineConfig.Team;
import org.hotline.gateway.config.HotlineConfig.WeeklySchedule;

/**
 * The checked deployment, indexed for lookups: languages in menu order, teams and officers by id,
 * and whether a team is open at an instant (weekly hours, public holidays, extra closed dates).
 */
public final class HotlineDirectory {

    private final HotlineConfig config;
    private final List<Language> languagesInMenuOrder;
    private final Map<String, Language> languages;
    private final Map<String, Team> teams;
    private final Map<String, Officer> officers;
    private final HolidayManager holidayManager;
    private final Set<LocalDate> extraClosed;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public HotlineDirectory(HotlineConfig config) {
        this.config = config;
        this.languagesInMenuOrder = config.languages().stream()
                .sorted(Comparator.comparingInt(Language::menuPosition)).toList();
        this.languages = index(languagesInMenuOrder, Language::code);
        this.teams = index(config.teams(), Team::id);
        this.officers = index(config.officers(), Officer::id);
        this.holidayManager = HolidayManager.getInstance(ManagerParameters.create(config.holidays().country().toLowerCase()));
        this.extraClosed = Set.copyOf(config.holidays().extraClosed());
    }

    /** Checks {@code config} and builds the directory, or fails naming every problem and where it was written. */
    public static HotlineDirectory checked(HotlineConfig config, org.springframework.core.env.ConfigurableEnvironment environment) {
        List<ConfigProblem> problems = HotlineConfigChecks.check(config);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(ConfigOrigins.locate(problems, environment));
        }
        return new HotlineDirectory(config);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public HotlineConfig config() {
        return config;
    }

    public List<Language> languagesInMenuOrder() {
        return languagesInMenuOrder;
    }

    public Optional<Language> language(String code) {
        return Optional.ofNullable(languages.get(code));
    }

    public Set<String> languageCodes() {
        return languages.keySet();
    }

    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    public Optional<Team> team(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    public List<Officer> officers() {
        return List.copyOf(officers.values());
    }

    public Optional<Officer> officer(String id) {
        return Optional.ofNullable(officers.get(id));
    }

    public WeeklySchedule scheduleOf(String teamId) {
        Team team = teams.get(teamId);
        if (team == null) {
            throw new IllegalArgumentException("unknown team " + teamId);
        }
        return config.schedules().get(team.hours());
    }

    /** Public holiday or extra closed date, in the deployment's holiday calendar. */
    public boolean isClosedDay(LocalDate date) {
        return extraClosed.contains(date) || holidaysByYear.computeIfAbsent(date.getYear(), this::holidaysOf).contains(date);
    }

    private Set<LocalDate> holidaysOf(int year) {
        return holidayManager.getHolidays(java.time.Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
                .filter(h -> h.getType() == HolidayType.PUBLIC_HOLIDAY)
                // a holiday on a weekend is observed on the next Monday: both days are closed
                .flatMap(h -> java.util.stream.Stream.of(h.getDate(), h.getActualDate()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the team's weekly hours cover {@code instant} on a day that is not a holiday. */
    public boolean isOpen(String teamId, Instant instant) {
        return covers(scheduleOf(teamId), instant);
    }

    private boolean covers(WeeklySchedule schedule, Instant instant) {
        ZonedDateTime local = instant.atZone(schedule.timeZone());
        return !isClosedDay(local.toLocalDate())
                && schedule.on(local.getDayOfWeek()).isOpenAt(local.toLocalTime());
    }

    /**
     * The interpreters for {@code language} who may be called at {@code instant} (their hours, like a
     * team's: weekly hours on a day that is not a holiday; none given: any time), in roster order.
     */
    public List<HotlineConfig.Interpreter> interpretersFor(String language, Instant instant) {
        return config.interpreters().roster().stream()
                .filter(i -> i.languages().contains(language))
                .filter(i -> i.hours() == null || covers(config.schedules().get(i.hours()), instant))
                .toList();
    }

    /**
     * Whether the officer speaks {@code language}; true when there is nothing to tell (no language,
     * no such officer): only a known gap is said to the officer.
     */
    public boolean speaks(String officerId, String language) {
        return language == null || officer(officerId).map(o -> o.languages().contains(language)).orElse(true);
    }

    public Optional<HotlineConfig.Interpreter> interpreter(String id) {
        return config.interpreters().roster().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The hotline's own time zone, where its officers work: the zone of its schedules. */
    public java.time.ZoneId zone() {
        return config.schedules().values().stream().map(HotlineConfig.WeeklySchedule::timeZone).findFirst()
                .orElse(java.time.ZoneId.of("UTC"));
    }
}
