package org.hotline.gateway.scripts;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEnvironment;
import org.hotline.gateway.flow.FlowLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the flows at start-up and refuses to start on any error in them. */
@Configuration(proxyBeanMethods = false)
public class ScriptsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScriptsConfiguration.class);

    @Bean
    FlowLibrary flowLibrary(ScriptsSettings settings, HotlineDirectory directory) {
        FlowLibrary library = FlowLibrary.load(settings.dir(), environmentOf(directory));
        library.problems().stream().filter(p -> !p.isError()).forEach(p -> log.warn("{}", p));
        if (library.hasErrors()) {
            throw new InvalidFlowsException(library.errors());
        }
        log.info("Loaded flows {} with prompts in {} languages from {}", library.flows().keySet(),
                library.prompts().languages().size(), settings.dir());
        return library;
    }

    @Bean
    PromptRenderer promptRenderer(FlowLibrary library, HotlineDirectory directory) {
        return new PromptRenderer(library.prompts(), directory);
    }

    /** The deployment as the flow engine sees it: languages in menu order, teams and their overflow numbers. */
    public static FlowEnvironment environmentOf(HotlineDirectory directory) {
        List<Flow.LanguageOption> languages = directory.languagesInMenuOrder().stream()
                .map(l -> new Flow.LanguageOption(l.code(), l.name(), l.englishName())).toList();
        Map<String, List<String>> teams = directory.teams().stream()
                .collect(Collectors.toMap(HotlineConfig.Team::id, HotlineConfig.Team::overflowNumbers));
        return new FlowEnvironment(languages, teams, directory.config().holidays().country());
    }
}
