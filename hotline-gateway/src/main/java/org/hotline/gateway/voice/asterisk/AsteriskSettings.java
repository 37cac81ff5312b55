package org.hotline.gateway.voice.asterisk;

import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Asterisk: the FastAGI server it calls ({@code AGI(agi://GATEWAY:4573/hotline)}) and the AMI user
 * that keeps queue members in step with the officers.
 *
 * @param sounds       where prompt audio lives in Asterisk's sounds directory ({@code hotline/<lang>/<name>})
 * @param queueName    the Asterisk queue for a team, {@code {team}} and {@code {language}} replaced
 * @param trunk        how to dial a number out through the trunk, {@code {number}} replaced by the
 *                     E.164 number: {@code PJSIP/{number}@trunk} for chan_pjsip, which reads what
 *                     follows the slash as the contact ({@code PJSIP/trunk/+359…} is not a number)
 */
@ConfigurationProperties("hotline.asterisk")
@Validated
public record AsteriskSettings(@DefaultValue Agi agi, @DefaultValue("hotline") String sounds,
                               @DefaultValue("{team}") String queueName, @DefaultValue("PJSIP/{number}@trunk")
                               @Pattern(regexp = "[A-Za-z]+/[^\\s,|&]*\\{number}[^\\s,|&]*", message = "must be a dial string with {number} where the number goes, as in PJSIP/{number}@trunk") String trunk,
                               @DefaultValue("/var/spool/asterisk/voicemail/hotline") String recordings,
                               @DefaultValue Ami ami) {

    /**
     * The FastAGI server, off unless {@code HOTLINE_ASTERISK_AGI_ENABLED=true}. Each call has a
     * virtual thread, which waits on Asterisk most of the time; beyond {@code maxCalls} simultaneous
     * calls the connection is closed and the dialplan falls back. It listens on {@code bind} (loopback
     * by default: put the gateway beside Asterisk, or name the private address) and serves only
     * connections from {@code allowedFrom} (addresses or CIDR ranges). A connection must send its
     * whole request within {@code requestTimeout}, in at most {@code maxRequestLines} lines of at most
     * {@code maxLineLength} bytes (Asterisk sends about thirty short lines); after that Asterisk may
     * stay quiet for up to {@code callTimeout} (a caller waiting in a queue).
     */
    public record Agi(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String bind, @DefaultValue("4573") int port,
                      @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> allowedFrom, @DefaultValue("1200") int maxCalls,
                      @DefaultValue("5s") Duration requestTimeout, @DefaultValue("4h") Duration callTimeout,
                      @DefaultValue("8192") int maxLineLength, @DefaultValue("200") int maxRequestLines) {}

    /** The gateway's AMI user (manager.conf), which keeps the queues' members in step with the officers' presence. */
    public record Ami(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host, @DefaultValue("5038") int port,
                      String username, String secret, @DefaultValue("hotline-callback") String callbackContext) {}

    String dialString(String number) {
        return trunk.replace("{number}", number);
    }

    String queueFor(String team, String language) {
        return queueName.replace("{team}", team).replace("{language}", language == null ? "" : language);
    }
}
