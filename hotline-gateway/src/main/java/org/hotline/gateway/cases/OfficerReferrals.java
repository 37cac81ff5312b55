package org.hotline.gateway.cases;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.FlowLibrary;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.phone.PhoneNumbers;

/**
 * Referrals made by a person (an officer or supervisor), from the API or the inbox: every field is
 * checked against its length and vocabulary where it enters, so nothing reaches the outbox that a
 * case store could never take; numbers become E.164 or are refused; an answer about a safe callback
 * records where it came from. One place for both referral endpoints.
 */
public class OfficerReferrals {

    /** Kinds a person makes; voicemails come only from a recording. */
    static final Set<String> KINDS = Set.of("case-referral", "information", "callback");
    /** Where the person was reached: a channel the gateway serves, or just "voice" or "chat" (a walk-in call to a mobile, say). */
    static final Set<String> CHANNELS = java.util.stream.Stream.concat(java.util.stream.Stream.of("voice", "chat"),
            java.util.Arrays.stream(org.hotline.gateway.channel.ContactChannel.values()).map(c -> c.wireName()))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    static final int MAX_NOTES = 2000;
    static final int MAX_CONSENT_NOTE = 500;

    private final HotlineDirectory directory;
    private final Set<String> topics;
    private final String region;

    public OfficerReferrals(HotlineDirectory directory, FlowLibrary flows) {
        this.directory = directory;
        this.region = directory.config().holidays().country();
        // the topics the flows offer are the topics a referral may name
        Set<String> known = new TreeSet<>();
        flows.flows().values().forEach(flow -> flow.nodes().values().forEach(node -> {
            if (node instanceof Node.Menu menu && "topic".equals(menu.saveAs())) {
                menu.choices().forEach(choice -> known.add(choice.value()));
            }
        }));
        this.topics = Set.copyOf(known);
    }

    /**
     * What the officer asked for. {@code safeToCallBack} given here is the officer's record of the
     * person's answer and needs {@code consentNote} (how it was asked, what they said).
     */
    public record Request(String kind, String team, String organisation, String topic, String urgency, String language, String channel,
                          String contact, String callbackNumber, String safeToCallBack, String consentNote,
                          Boolean shareWithOrganisations, Boolean services, String notes) {}

    /**
     * What the gateway already knows of the person: their address, their own answer to the safety
     * question in the flow or chat (with the step), if they gave one, and where a chat's transcript is.
     */
    public record Person(String contact, String ownAnswer, String ownAnswerStep, String transcriptRef) {
        public static Person unknown(String contact) {
            return new Person(contact, null, null, null);
        }
    }

    /** A field that cannot be taken, named. */
    public static class InvalidRequestException extends RuntimeException {
        public InvalidRequestException(String field, String problem) {
            super(field + ": " + problem);
        }
    }

    public Set<String> topics() {
        return topics;
    }

    public Referral build(String id, Request request, Person person, String createdBy, Instant now) {
        String kind = oneOf("kind", request.kind() == null ? null : request.kind().replace('_', '-'), KINDS, true);
        String team = request.team();
        if (team == null || directory.team(team).isEmpty()) {
            throw new InvalidRequestException("team", "must be one of " + new TreeSet<>(directory.teams().stream().map(t -> t.id()).toList()));
        }
        // an outside organisation it goes to (a shelter, legal aid), with the team that follows it up
        var organisation = request.organisation() == null || request.organisation().isBlank() ? null
                : directory.config().organisations().stream().filter(o -> o.id().equals(request.organisation().strip())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("organisation", "must be one of "
                        + new TreeSet<>(directory.config().organisations().stream().map(o -> o.id()).toList())));
        String topic = oneOf("topic", request.topic(), topics, false);
        String urgency = oneOf("urgency", request.urgency(), Set.of("urgent", "normal"), false);
        String language = oneOf("language", request.language(), directory.languageCodes(), false);
        String channel = oneOf("channel", request.channel(), CHANNELS, false);
        String notes = limited("notes", request.notes(), MAX_NOTES);
        String contact = person.contact() != null ? person.contact() : phone("contact", request.contact());
        Consent consent = consent(request, person, createdBy, now);
        String callbackNumber = request.callbackNumber() == null ? null
                : "caller".equals(request.callbackNumber()) ? callerNumber(contact) : phone("callbackNumber", request.callbackNumber());
        try {
            return new Referral(id, ReferralKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_')), topic,
                    urgency == null ? null : Referral.Urgency.valueOf(urgency.toUpperCase(Locale.ROOT)), team, language, channel, contact,
                    callbackNumber, consent, answers(notes, organisation), null, null, person.transcriptRef(), createdBy, now);
        } catch (Referral.InvalidReferralException e) {
            throw new InvalidRequestException("referral", e.getMessage());
        }
    }

    private static Map<String, String> answers(String notes, org.hotline.gateway.config.HotlineConfig.Organisation organisation) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        if (notes != null) {
            answers.put("notes", notes);
        }
        if (organisation != null) {
            answers.put("organisation", organisation.id());
            answers.put("organisation_name", organisation.name());
        }
        return answers;
    }

    /**
     * The officer's record wins when they give one (with who, when and how); otherwise the person's
     * own answer in the flow, if any. Nobody else can assert consent.
     */
    private static Consent consent(Request request, Person person, String officer, Instant now) {
        boolean share = Boolean.TRUE.equals(request.shareWithOrganisations());
        boolean services = Boolean.TRUE.equals(request.services());
        String asked = oneOf("safeToCallBack", request.safeToCallBack(), Set.of("yes", "no", "unknown"), false);
        if (asked != null && !asked.equals("unknown")) {
            String note = limited("consentNote", request.consentNote(), MAX_CONSENT_NOTE);
            if (note == null || note.isBlank()) {
                throw new InvalidRequestException("consentNote", "say how the person was asked and what they answered");
            }
            return new Consent(answer(asked), share, services, Consent.Source.officer(officer, now, note));
        }
        if (person.ownAnswer() != null && !person.ownAnswer().equals("unknown")) {
            return new Consent(answer(person.ownAnswer()), share, services,
                    Consent.Source.caller(person.ownAnswerStep() == null ? "flow" : person.ownAnswerStep(), now));
        }
        return new Consent(Consent.Answer.UNKNOWN, share, services);
    }

    private static Consent.Answer answer(String value) {
        return value.equals("yes") ? Consent.Answer.YES : value.equals("no") ? Consent.Answer.NO : Consent.Answer.UNKNOWN;
    }

    private String phone(String field, String typed) {
        if (typed == null) {
            return null;
        }
        return PhoneNumbers.parseTyped(typed, region)
                .orElseThrow(() -> new InvalidRequestException(field, "not a valid phone number (digits, spaces, - and a leading + only)"));
    }

    /** The number of a person known by their address ({@code whatsapp:+…} or a number); a messenger id has none. */
    private static String callerNumber(String contact) {
        String number = contact == null ? null : contact.startsWith("whatsapp:") ? contact.substring("whatsapp:".length()) : contact;
        if (number == null || !PhoneNumbers.isValidE164(number)) {
            throw new InvalidRequestException("callbackNumber", "the person has no phone number to call back; give one");
        }
        return number;
    }

    private static String oneOf(String field, String value, Set<String> allowed, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidRequestException(field, "is required; one of " + new TreeSet<>(allowed));
            }
            return null;
        }
        String normal = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normal)) {
            throw new InvalidRequestException(field, "must be one of " + new TreeSet<>(allowed));
        }
        return normal;
    }

    private static String limited(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidRequestException(field, "at most " + max + " characters");
        }
        return value;
    }
}
