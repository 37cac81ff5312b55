package org.hotline.gateway.testing;

import org.hotline.gateway.config.ConfigModule;
import org.hotline.gateway.config.HotlineDirectory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The shipped config/hotline.yaml, bound and checked once, for tests and benchmarks that need it without the service. */
public final class Shipped {

    private static HotlineDirectory directory;

    private Shipped() {}

    public static synchronized HotlineDirectory directory() {
        if (directory == null) {
            try (var context = new SpringApplicationBuilder(ConfigModule.class).web(WebApplicationType.NONE)
                    .properties("logging.level.root=WARN").run()) {
                directory = context.getBean(HotlineDirectory.class);
            }
        }
        return directory;
    }
}
