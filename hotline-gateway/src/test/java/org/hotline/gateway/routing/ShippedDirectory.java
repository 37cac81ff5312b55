package org.hotline.gateway.routing;

import org.hotline.gateway.config.ConfigModule;
import org.hotline.gateway.config.HotlineDirectory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The shipped teams and officers, loaded once for routing tests. */
final class ShippedDirectory {

    private static HotlineDirectory directory;

    private ShippedDirectory() {}

    static synchronized HotlineDirectory get() {
        if (directory == null) {
            try (var context = new SpringApplicationBuilder(ConfigModule.class).web(WebApplicationType.NONE)
                    .properties("logging.level.root=WARN").run()) {
                directory = context.getBean(HotlineDirectory.class);
            }
        }
        return directory;
    }
}
