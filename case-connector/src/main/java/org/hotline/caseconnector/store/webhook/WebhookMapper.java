package org.hotline.caseconnector.store.webhook;

import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** The model to the webhook's JSON: enum names become lower-case words ("case-referral", "urgent"). */
@Mapper
public interface WebhookMapper {

    WebhookMapper INSTANCE = Mappers.getMapper(WebhookMapper.class);

    @Mapping(target = "type", constant = "referral")
    WebhookReferral toPayload(Referral referral);

    @Mapping(target = "type", constant = "call")
    WebhookCall toPayload(CallSummary call);

    WebhookReferral.ConsentView consent(Consent consent);

    default String kind(ReferralKind kind) {
        return kind.name().toLowerCase().replace('_', '-');
    }

    default String urgency(Referral.Urgency urgency) {
        return urgency.name().toLowerCase();
    }

    default String answer(Consent.Answer answer) {
        return answer.name().toLowerCase();
    }
}
