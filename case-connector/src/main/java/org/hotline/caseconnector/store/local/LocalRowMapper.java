package org.hotline.caseconnector.store.local;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.store.FieldCipher;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.factory.Mappers;

/** The model to the local store's rows; personal fields go through the cipher on the way. */
@Mapper
public interface LocalRowMapper {

    LocalRowMapper INSTANCE = Mappers.getMapper(LocalRowMapper.class);

    @Mapping(target = "contactEnc", source = "contact", qualifiedByName = "encrypt")
    @Mapping(target = "callbackEnc", source = "callbackNumber", qualifiedByName = "encrypt")
    @Mapping(target = "safeToCallBack", source = "consent.safeToCallBack")
    @Mapping(target = "consentShare", source = "consent.shareWithOrganisations")
    @Mapping(target = "consentServices", source = "consent.services")
    @Mapping(target = "answersEnc", source = "answers", qualifiedByName = "encryptAnswers")
    ReferralRow toRow(Referral referral, @Context FieldCipher cipher);

    @Named("encrypt")
    default String encrypt(String value, @Context FieldCipher cipher) {
        return value == null ? null : cipher.encrypt(value);
    }

    /** Answers as "name=value" lines, sorted, encrypted as one field. */
    @Named("encryptAnswers")
    default String encryptAnswers(Map<String, String> answers, @Context FieldCipher cipher) {
        if (answers == null || answers.isEmpty()) {
            return null;
        }
        return cipher.encrypt(new TreeMap<>(answers).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace('\n', ' ')).collect(Collectors.joining("\n")));
    }
}
