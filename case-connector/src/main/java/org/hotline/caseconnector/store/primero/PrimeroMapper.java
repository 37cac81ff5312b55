package org.hotline.caseconnector.store.primero;

import org.hotline.caseconnector.model.Referral;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** The model to Primero's case and referral fields. Consent is mapped as given: never overridden here. */
@Mapper
public interface PrimeroMapper {

    PrimeroMapper INSTANCE = Mappers.getMapper(PrimeroMapper.class);

    /** Where the referral goes in Primero, chosen by configuration for the referral's team. */
    record Target(String user, String agency, String service) {}

    @Mapping(target = "id", source = "caseId")
    @Mapping(target = "phoneNumber", source = "referral.contact")
    @Mapping(target = "moduleId", source = "moduleId")
    @Mapping(target = "consentForServices", source = "referral.consent.services")
    @Mapping(target = "disclosureOtherOrgs", source = "referral.consent.shareWithOrganisations")
    @Mapping(target = "language", source = "referral.language")
    PrimeroPayloads.NewCase toCase(Referral referral, String caseId, String moduleId);

    default PrimeroPayloads.NewReferral toReferral(Referral referral, @Context Target target) {
        boolean remote = target.agency() != null;
        return new PrimeroPayloads.NewReferral(remote ? null : target.user(), remote ? target.agency() : null,
                remote ? target.user() : null, remote ? Boolean.TRUE : null, target.service(), PrimeroNotes.of(referral));
    }
}
