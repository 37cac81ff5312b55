package org.hotline.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the console exists in every language it speaks: a missing key would show an officer "??key??". */
class ConsoleMessagesTest {

    @Test
    void shouldHaveEveryKeyInBulgarianAndEnglish() throws IOException {
        Properties english = load("/messages.properties");
        Properties bulgarian = load("/messages_bg.properties");
        assertThat(bulgarian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allSatisfy(key -> assertThat(bulgarian.getProperty(key)).as(key).isNotBlank());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
