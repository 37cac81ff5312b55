package org.hotline.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Values that must never reach a log line: providers' tokens and secrets, which their URLs and
 * errors can carry (a Telegram file link has the bot's token in its path). Each provider names its
 * own at start-up; the log converters replace them, wherever they stand, with {@code [secret]}. Static
 * because logback, not Spring, makes the converters.
 */
public final class LogSecrets {

    /** Shorter values are not secrets worth the cost of looking for (and would mask ordinary words). */
    private static final int MIN_LENGTH = 8;
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private LogSecrets() {}

    public static void register(Collection<String> secrets) {
        secrets.stream().filter(s -> s != null && s.length() >= MIN_LENGTH && !SECRETS.contains(s)).forEach(SECRETS::add);
    }

    public static String redact(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, "[secret]");
            }
        }
        return out;
    }
}
