package org.hotline.caseconnector.store.hrm;

import java.util.Map;
import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Referral;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** The model to HRM contacts and referrals: one contact per call or conversation (its id is the taskId). */
@Mapper
public interface HrmMapper {

    HrmMapper INSTANCE = Mappers.getMapper(HrmMapper.class);

    default HrmPayloads.NewContact contactFor(Referral referral, String definitionVersion, String helpline) {
        Map<String, Object> caseInformation = Map.of("callSummary", summary(referral));
        return new HrmPayloads.NewContact(definitionVersion, taskIdOf(referral.id()), referral.channel(), referral.contact(), referral.createdBy(),
                referral.createdAt().toString(), helpline, 0,
                new HrmPayloads.RawJson(definitionVersion, "", Map.of(), Map.of(), caseInformation, Map.of(), "Customer"));
    }

    default HrmPayloads.NewContact contactFor(CallSummary call, String definitionVersion, String helpline) {
        Map<String, Object> caseInformation = Map.of("callSummary", "Outcome " + call.outcome() + (call.topic() == null ? "" : ", topic " + call.topic())
                + ", language " + call.language() + ", path " + String.join(" > ", call.path()));
        long duration = call.endedAt() == null ? 0 : call.endedAt().getEpochSecond() - call.startedAt().getEpochSecond();
        return new HrmPayloads.NewContact(definitionVersion, call.id(), call.channel(), call.contact(),
                call.officerId() == null ? "flow" : call.officerId(), call.startedAt().toString(), helpline, duration,
                new HrmPayloads.RawJson(definitionVersion, "", Map.of(), Map.of(), caseInformation, Map.of(), "Customer"));
    }

    /** A referral's id is "&lt;call or conversation id&gt;:&lt;step&gt;": its contact is the call's. */
    static String taskIdOf(String referralId) {
        int colon = referralId.indexOf(':');
        return colon > 0 ? referralId.substring(0, colon) : referralId;
    }

    static String summary(Referral referral) {
        return referral.kind().name().toLowerCase().replace('_', ' ') + ", urgency " + referral.urgency().name().toLowerCase()
                + (referral.topic() == null ? "" : ", topic " + referral.topic()) + ", safe to call back "
                + referral.consent().safeToCallBack().name().toLowerCase();
    }
}
