package org.hotline.gateway.config;

import java.util.List;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/** Finds the file and line a configuration property was written at, so problems can point there. */
public final class ConfigOrigins {

    private ConfigOrigins() {}

    public static List<ConfigProblem> locate(List<ConfigProblem> problems, ConfigurableEnvironment environment) {
        return problems.stream().map(p -> p.at(originOf(p.path(), environment))).toList();
    }

    @SuppressWarnings("unchecked")
    static String originOf(String path, ConfigurableEnvironment environment) {
        // a path like hotline.teams[1].hours may be absent (a missing value); walk up to what was written
        for (String candidate = path; candidate != null; candidate = parent(candidate)) {
            for (PropertySource<?> source : environment.getPropertySources()) {
                if (source instanceof OriginLookup<?> lookup) {
                    Origin origin = ((OriginLookup<String>) lookup).getOrigin(candidate);
                    if (origin == null) {
                        origin = firstChildOrigin(source, (OriginLookup<String>) lookup, candidate);
                    }
                    if (origin != null) {
                        return origin.toString();
                    }
                }
            }
        }
        return null;
    }

    private static Origin firstChildOrigin(PropertySource<?> source, OriginLookup<String> lookup, String prefix) {
        if (source instanceof org.springframework.core.env.EnumerablePropertySource<?> enumerable) {
            for (String name : enumerable.getPropertyNames()) {
                if (name.startsWith(prefix + ".") || name.startsWith(prefix + "[")) {
                    return lookup.getOrigin(name);
                }
            }
        }
        return null;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? null : path.substring(0, cut);
    }
}
