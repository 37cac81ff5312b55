package org.hotline.gateway.security;

import org.hotline.caseconnector.privacy.Masking;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/** The same safety net as {@link MaskingMessageConverter} for structured (JSON) logs. */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {
    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, value -> Masking.phoneLikeIn(LogSecrets.redact(value))));
    }
}
