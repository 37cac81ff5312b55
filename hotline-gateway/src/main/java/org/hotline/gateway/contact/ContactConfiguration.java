package org.hotline.gateway.contact;

import java.time.Clock;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.calllog.ReturningContacts;
import org.hotline.gateway.flow.FlowLibrary;
import org.hotline.gateway.languages.WrittenLanguages;
import org.hotline.gateway.routing.TeamHours;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContactConfiguration {

    /** The hotline's flow, the one every channel runs; the only place that names it. */
    static final String ENTRY_FLOW = "hotline";

    /** The hotline's languages as Lingua tells them apart; its models load on the first guess. */
    @Bean
    WrittenLanguages writtenLanguages(org.hotline.gateway.config.HotlineDirectory directory) {
        return new WrittenLanguages(directory.languageCodes());
    }

    @Bean
    ContactRunner contactRunner(FlowLibrary library, TeamHours hours, ReturningContacts returning, ReferralOutbox outbox, CallLog callLog,
                                CallScreens screens, WrittenLanguages written, Clock clock) {
        return new ContactRunner(library.flow(ENTRY_FLOW)
                .orElseThrow(() -> new IllegalStateException("no flow '" + ENTRY_FLOW + "' in ivr-scripts")), hours, returning, outbox, callLog, screens, written, clock);
    }
}
