package org.hotline.gateway.voice.asterisk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The FastAGI server Asterisk calls ({@code AGI(agi://GATEWAY:4573/hotline)}), off unless
 * {@code HOTLINE_ASTERISK_AGI_ENABLED=true}. Each call has a virtual thread, which waits on Asterisk
 * most of the time; beyond {@code maxCalls} simultaneous calls Asterisk-Java closes the connection and
 * the dialplan falls back.
 *
 * @param sounds       where prompt audio lives in Asterisk's sounds directory ({@code hotline/<lang>/<name>})
 * @param queueName    the Asterisk queue for a team, {@code {team}} and {@code {language}} replaced
 * @param trunk        the outbound trunk for transfers, as in {@code PJSIP/trunk}
 */
@ConfigurationProperties("hotline.asterisk")
public record AsteriskSettings(@DefaultValue("false") boolean agiEnabled, @DefaultValue("0.0.0.0") String bindAddress,
                               @DefaultValue("4573") int agiPort, @DefaultValue("1200") int maxCalls,
                               @DefaultValue("4h") Duration readTimeout, @DefaultValue("hotline") String sounds,
                               @DefaultValue("{team}") String queueName, @DefaultValue("PJSIP/trunk") String trunk,
                               @DefaultValue("/var/spool/asterisk/voicemail/hotline") String recordings,
                               @DefaultValue Ami ami) {

    /** The gateway's AMI user (manager.conf), which keeps the queues' members in step with the officers' presence. */
    public record Ami(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host, @DefaultValue("5038") int port,
                      String username, String secret, @DefaultValue("hotline-callback") String callbackContext) {}

    String queueFor(String team, String language) {
        return queueName.replace("{team}", team).replace("{language}", language == null ? "" : language);
    }
}
