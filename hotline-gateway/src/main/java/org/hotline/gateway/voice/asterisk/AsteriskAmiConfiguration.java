package org.hotline.gateway.voice.asterisk;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.routing.RoutingService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AsteriskSettings.class)
@ConditionalOnBooleanProperty("hotline.asterisk.ami.enabled")
class AsteriskAmiConfiguration {

    @Bean
    ManagerConnection asteriskManagerConnection(AsteriskSettings settings) {
        var ami = settings.ami();
        if (ami.username() == null || ami.username().isBlank() || ami.secret() == null || ami.secret().isBlank()) {
            throw new IllegalStateException("hotline.asterisk.ami.enabled is true but hotline.asterisk.ami.username or .secret "
                    + "(HOTLINE_ASTERISK_AMI_USER, HOTLINE_ASTERISK_AMI_SECRET) is not set");
        }
        return new ManagerConnectionFactory(ami.host(), ami.port(), ami.username(), ami.secret()).createManagerConnection();
    }

    @Bean
    AsteriskQueuePicture asteriskQueuePicture(ManagerConnection connection, java.time.Clock clock) {
        var picture = new AsteriskQueuePicture(clock);
        connection.addEventListener(event -> {
            picture.on(event);
            if (event instanceof org.asteriskjava.manager.event.ConnectEvent) {
                Thread.ofVirtual().name("ami-queue-picture").start(() -> picture.rebuild(connection));
            }
        });
        return picture;
    }

    @Bean
    AsteriskCallScreen asteriskCallScreen(ManagerConnection connection, org.hotline.gateway.callscreen.CallScreens screens,
                                          HotlineDirectory directory, org.hotline.gateway.chat.InboxEvents events) {
        var screen = new AsteriskCallScreen(screens, directory, events);
        connection.addEventListener(screen::on);
        return screen;
    }

    @Bean
    AsteriskInterpreterLine asteriskInterpreterLine(ManagerConnection connection, AsteriskSettings settings, HotlineDirectory directory,
                                                    org.hotline.gateway.callscreen.CallScreens screens, org.hotline.gateway.state.SessionStore store,
                                                    org.hotline.gateway.state.LockManager locks, org.hotline.gateway.contact.ContactRunner contacts,
                                                    org.springframework.beans.factory.ObjectProvider<org.hotline.gateway.interpreter.InterpreterCalls> interpreters,
                                                    tools.jackson.databind.json.JsonMapper json, java.time.Clock clock) {
        var line = new AsteriskInterpreterLine(connection, settings, directory, screens, store, locks, contacts, interpreters::getObject, json, clock);
        connection.addEventListener(line::on);
        return line;
    }

    @Bean
    AsteriskCallbacks asteriskCallbacks(ManagerConnection connection, LocalCaseStore referrals,
                                        org.hotline.gateway.state.StreamStore streams, tools.jackson.databind.json.JsonMapper json,
                                        AsteriskSettings settings, org.hotline.gateway.audit.AuditTrail audit) {
        return new AsteriskCallbacks(connection, referrals, streams, json, settings, audit);
    }

    @Bean
    AsteriskQueueMembers asteriskQueueMembers(ManagerConnection connection, HotlineDirectory directory, RoutingService routing,
                                              AsteriskSettings settings) {
        return new AsteriskQueueMembers(connection, directory, routing, settings);
    }
}
