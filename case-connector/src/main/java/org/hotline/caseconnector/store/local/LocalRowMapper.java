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

/** The model to the local store's rows; personal fields go through the cipher on the way, sealed to their row and column. */
@Mapper
public interface LocalRowMapper {

    LocalRowMapper INSTANCE = Mappers.getMapper(LocalRowMapper.class);

    /** The cipher and the row it encrypts for. */
    record RowCipher(FieldCipher cipher, String table, String id) {
        String encrypt(String column, String value) {
            return value == null ? null : cipher.encrypt(value, context(table, id, column));
        }
    }

    static String context(String table, String id, String column) {
        return table + ":" + id + ":" + column;
    }

    @Mapping(target = "contactEnc", source = "contact", qualifiedByName = "contact")
    @Mapping(target = "callbackEnc", source = "callbackNumber", qualifiedByName = "callback")
    @Mapping(target = "safeToCallBack", source = "consent.safeToCallBack")
    @Mapping(target = "consentShare", source = "consent.shareWithOrganisations")
    @Mapping(target = "consentServices", source = "consent.services")
    @Mapping(target = "consentSource", source = "consent.source.kind")
    @Mapping(target = "consentStep", source = "consent.source.step")
    @Mapping(target = "consentOfficer", source = "consent.source.officer")
    @Mapping(target = "consentAt", source = "consent.source.at")
    @Mapping(target = "consentNoteEnc", source = "consent.source.note", qualifiedByName = "consentNote")
    @Mapping(target = "answersEnc", source = "answers", qualifiedByName = "answers")
    ReferralRow toRow(Referral referral, @Context RowCipher cipher);

    @Named("contact")
    default String contact(String value, @Context RowCipher cipher) {
        return cipher.encrypt("contact", value);
    }

    @Named("callback")
    default String callback(String value, @Context RowCipher cipher) {
        return cipher.encrypt("callback", value);
    }

    @Named("consentNote")
    default String consentNote(String value, @Context RowCipher cipher) {
        return cipher.encrypt("consent_note", value);
    }

    /** Answers as "name=value" lines, sorted, encrypted as one field. */
    @Named("answers")
    default String answers(Map<String, String> answers, @Context RowCipher cipher) {
        if (answers == null || answers.isEmpty()) {
            return null;
        }
        return cipher.encrypt("answers", new TreeMap<>(answers).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace('\n', ' ')).collect(Collectors.joining("\n")));
    }
}
