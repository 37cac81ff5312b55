package org.hotline.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deployment as an operator describes it in {@code config/hotline.yaml}: languages, teams,
 * duty officers, opening hours, holidays and the routing policy. Field checks live here as
 * annotations; checks across fields (an officer in a team that does not exist) live in
 * {@link HotlineConfigChecks}.
 */
@Validated
@ConfigurationProperties("hotline")
public record HotlineConfig(
        @NotEmpty @Valid List<Language> languages,
        @NotEmpty @Valid List<Team> teams,
        @Valid List<Officer> officers,
        @NotEmpty Map<String, @Valid WeeklySchedule> schedules,
        @Valid @DefaultValue Holidays holidays,
        @Valid @DefaultValue RoutingPolicy routing,
        @Valid @DefaultValue Console console,
        @Valid List<Organisation> organisations,
        @Valid @DefaultValue Interpreters interpreters) {

    public HotlineConfig {
        languages = languages == null ? List.of() : List.copyOf(languages);
        teams = teams == null ? List.of() : List.copyOf(teams);
        officers = officers == null ? List.of() : List.copyOf(officers);
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    /**
     * The interpreters the organisation works with, called into a call when an officer asks for one.
     * {@code ringTimeout}: how long an interpreter's phone rings before the next one is called.
     */
    public record Interpreters(@DefaultValue("25s") @NotNull Duration ringTimeout, List<@Valid Interpreter> roster) {
        public Interpreters {
            roster = roster == null ? List.of() : List.copyOf(roster);
        }
    }

    /**
     * A certified interpreter: the hotline's languages they interpret, how they are reached (a phone
     * number through the trunk or Twilio, an Asterisk SIP endpoint, a Twilio Client identity) and
     * when they may be called ({@code hours}: one of the schedules; none: any time).
     */
    public record Interpreter(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") String id,
            @NotBlank String displayName,
            List<String> languages,
            @Valid @DefaultValue Reach reach,
            String hours) {
        public Interpreter {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    /** An organisation outside the hotline that officers refer people to (a shelter, legal aid). */
    public record Organisation(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") String id,
            @NotBlank String name) {}

    /** The officers' console: {@code savedReplies} an officer inserts in the person's language. */
    public record Console(List<@Valid SavedReply> savedReplies) {
        public Console {
            savedReplies = savedReplies == null ? List.of() : List.copyOf(savedReplies);
        }
    }

    /** A reply officers send often (the emergency number, office hours, the address), by language code. */
    public record SavedReply(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") String id,
            @NotBlank String label,
            Map<String, String> texts) {
        public SavedReply {
            texts = texts == null ? Map.of() : Map.copyOf(texts);
        }

        /** In {@code language}, else in English, else in the first language it has. */
        public String textIn(String language) {
            return texts.getOrDefault(language, texts.getOrDefault("en", texts.values().stream().findFirst().orElse("")));
        }
    }

    /** A language callers can choose; {@code menuPosition} orders the language menu. */
    public record Language(
            @NotBlank @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code such as 'bg' or 'prs'") String code,
            @NotBlank String name,
            @NotBlank String englishName,
            @Min(1) int menuPosition,
            @Pattern(regexp = "[a-z]{2,3}", message = "must be the code of another language, e.g. 'prs'") String audioFallback) {}

    public record Team(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") String id,
            Map<String, String> names,
            List<String> phoneNumbers,
            List<String> messagingNumbers,
            List<String> languages,
            String hours,
            List<String> overflowNumbers) {

        public Team {
            names = names == null ? Map.of() : Map.copyOf(names);
            phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
            messagingNumbers = messagingNumbers == null ? List.of() : List.copyOf(messagingNumbers);
            languages = languages == null ? List.of() : List.copyOf(languages);
            overflowNumbers = overflowNumbers == null ? List.of() : List.copyOf(overflowNumbers);
        }
    }

    /** A duty officer; {@code worksWithInterpreters} marks who takes calls in languages nobody speaks. */
    public record Officer(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") String id,
            @NotBlank String displayName,
            List<String> languages,
            List<String> teams,
            @Valid @DefaultValue Reach reach,
            boolean worksWithInterpreters) {

        public Officer {
            languages = languages == null ? List.of() : List.copyOf(languages);
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }

    /** How an officer is reached: a phone number, an Asterisk SIP endpoint, a Twilio Client identity. */
    public record Reach(
            String phone,
            @Pattern(regexp = "[A-Za-z]+/[^\\s,]+", message = "must look like PJSIP/201") String sip,
            @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "must be letters, digits, '_', '.' or '-'") String twilioClient) {

        public boolean isEmpty() {
            return isBlank(phone) && isBlank(sip) && isBlank(twilioClient);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** Opening hours for each day of the week; a day not listed is closed. */
    public record WeeklySchedule(@DefaultValue("Europe/Sofia") ZoneId timeZone, Map<java.time.DayOfWeek, DailyHours> days) {
        public WeeklySchedule {
            days = days == null ? Map.of() : Map.copyOf(days);
        }

        public DailyHours on(java.time.DayOfWeek day) {
            return days.getOrDefault(day, DailyHours.CLOSED);
        }
    }

    /** Public holidays of {@code country} (ISO 3166 code, from Jollyday) plus extra closed dates. */
    public record Holidays(@DefaultValue("BG") @NotBlank String country, List<LocalDate> extraClosed) {
        public Holidays {
            extraClosed = extraClosed == null ? List.of() : List.copyOf(extraClosed);
        }
    }

    /** {@code initialPresence}: how officers start before they say otherwise (the console, the API, Asterisk). */
    public record RoutingPolicy(
            @DefaultValue("20s") @NotNull Duration ringTimeout,
            @DefaultValue("3m") @NotNull Duration maxQueueWait,
            @DefaultValue("30s") @NotNull Duration wrapUp,
            @DefaultValue("2") @Min(1) int missedOffersBeforeAway,
            @DefaultValue("3") @Min(1) int chatCapacity,
            @DefaultValue("offline") @Pattern(regexp = "available|away|offline", message = "must be available, away or offline")
            String initialPresence) {}
}
