package org.hotline.caseconnector.store.primero;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Primero v2 request bodies ({"data": {...}}), with Primero's field names. */
public final class PrimeroPayloads {

    private PrimeroPayloads() {}

    public record Envelope<T>(T data) {}

    /** A case created by the hotline: a client-chosen id, the phone, the consent the person gave. */
    public record NewCase(String id, @JsonProperty("phone_number") String phoneNumber, @JsonProperty("module_id") String moduleId,
                          @JsonProperty("consent_for_services") boolean consentForServices,
                          @JsonProperty("disclosure_other_orgs") boolean disclosureOtherOrgs,
                          @JsonProperty("language") String language) {}

    /** A referral on a case: to a Primero user (transitioned_to), or to an outside agency (remote). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record NewReferral(@JsonProperty("transitioned_to") String transitionedTo,
                              @JsonProperty("transitioned_to_agency") String transitionedToAgency,
                              @JsonProperty("transitioned_to_remote") String transitionedToRemote,
                              Boolean remote, String service, String notes) {}


    /** A voicemail attached to the case (base64 audio). */
    public record Attachment(@JsonProperty("field_name") String fieldName, String type, @JsonProperty("content_type") String contentType,
                             @JsonProperty("file_name") String fileName, String description, String attachment,
                             @JsonProperty("is_current") boolean isCurrent) {}
}
