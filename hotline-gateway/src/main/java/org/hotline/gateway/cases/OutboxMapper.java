package org.hotline.gateway.cases;

import java.time.Instant;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** The flow's referrals to the case connector's model (call records have their own mapper, in the call log). */
@Mapper
public interface OutboxMapper {

    OutboxMapper INSTANCE = Mappers.getMapper(OutboxMapper.class);

    /**
     * Who and where a flow referral concerns, known to the channel, not to the flow.
     *
     * @param transcriptRef where a conversation's messages are (chat), or null
     * @param channel       the channel the contact came on ({@code whatsapp}, {@code asterisk}, …); null: the flow's kind
     */
    record Origin(String contact, String callbackNumber, String recordingUrl, String createdBy, Instant createdAt,
                  String transcriptRef, String channel) {

        public Origin(String contact, String callbackNumber, String recordingUrl, String createdBy, Instant createdAt) {
            this(contact, callbackNumber, recordingUrl, createdBy, createdAt, null, null);
        }
    }

    @Mapping(target = "id", source = "referral.id")
    @Mapping(target = "kind", source = "referral.kind")
    @Mapping(target = "topic", source = "referral.topic")
    @Mapping(target = "urgency", source = "referral.urgency")
    @Mapping(target = "team", source = "referral.team")
    @Mapping(target = "language", source = "referral.language")
    @Mapping(target = "channel", expression = "java(context.channel() != null ? context.channel() : channel(referral.channel()))")
    @Mapping(target = "answers", source = "referral.answers")
    @Mapping(target = "recordingRef", source = "referral.recordingRef")
    @Mapping(target = "consent", expression = "java(consent(referral, context))")
    @Mapping(target = "contact", source = "context.contact")
    @Mapping(target = "callbackNumber", source = "context.callbackNumber")
    @Mapping(target = "recordingUrl", source = "context.recordingUrl")
    @Mapping(target = "createdBy", source = "context.createdBy")
    @Mapping(target = "createdAt", source = "context.createdAt")
    @Mapping(target = "transcriptRef", source = "context.transcriptRef")
    Referral toReferral(org.hotline.gateway.flow.Referral referral, Origin context);

    default ReferralKind kind(org.hotline.gateway.flow.Node.ReferralKind kind) {
        return ReferralKind.valueOf(kind.name());
    }

    default Referral.Urgency urgency(org.hotline.gateway.flow.Node.Priority priority) {
        return Referral.Urgency.valueOf(priority.name());
    }

    default String channel(org.hotline.gateway.flow.Channel channel) {
        return channel == null ? null : channel.name().toLowerCase();
    }


    /**
     * The person's own answer to the safety question, with the step where they gave it; consent to
     * share and to services is an officer's to record.
     */
    default Consent consent(org.hotline.gateway.flow.Referral referral, Origin context) {
        Consent.Answer answer = switch (referral.safeToCall() == null ? "unknown" : referral.safeToCall()) {
            case "yes" -> Consent.Answer.YES;
            case "no" -> Consent.Answer.NO;
            default -> Consent.Answer.UNKNOWN;
        };
        return new Consent(answer, false, false, answer == Consent.Answer.UNKNOWN ? null
                : Consent.Source.caller(referral.consentStep() == null ? "flow" : referral.consentStep(), context.createdAt()));
    }
}
