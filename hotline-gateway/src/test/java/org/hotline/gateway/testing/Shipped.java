package org.hotline.gateway.testing;

import org.hotline.gateway.config.ConfigModule;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowLibrary;
import org.hotline.gateway.scripts.ScriptsConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The shipped config/hotline.yaml and ivr-scripts, bound and checked once, for tests and benchmarks that need them without the service. */
public final class Shipped {

    private static HotlineDirectory directory;
    private static FlowLibrary library;

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

    public static synchronized FlowLibrary library() {
        if (library == null) {
            library = FlowLibrary.load(TestConfig.repositoryRoot().resolve("ivr-scripts"), ScriptsConfiguration.environmentOf(directory()));
            if (library.hasErrors()) {
                throw new IllegalStateException("the shipped flows have errors: " + library.errors());
            }
        }
        return library;
    }

    public static Flow hotline() {
        return library().flow("hotline").orElseThrow();
    }
}
