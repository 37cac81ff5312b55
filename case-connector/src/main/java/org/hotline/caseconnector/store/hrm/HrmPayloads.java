package org.hotline.caseconnector.store.hrm;

import java.util.List;
import java.util.Map;

/** Aselo HRM request bodies, with HRM's field names. */
public final class HrmPayloads {

    private HrmPayloads() {}

    public record NewContact(String definitionVersion, String taskId, String channel, String number, String createdBy,
                             String timeOfContact, String helpline, long conversationDuration, RawJson rawJson) {}

    public record RawJson(String definitionVersion, String callType, Map<String, Object> childInformation,
                          Map<String, Object> callerInformation, Map<String, Object> caseInformation,
                          Map<String, Object> categories, String hangUpBy) {}

    public record NewReferral(String contactId, String resourceId, String referredAt, String resourceName) {}

    public record Media(String storeType, Map<String, Object> storeTypeSpecificData) {}

    static List<Media> recording(String recordingSid, String url) {
        return List.of(new Media("twilio", Map.of("type", "recording", "recordingSid", recordingSid, "url", url == null ? "" : url)));
    }
}
