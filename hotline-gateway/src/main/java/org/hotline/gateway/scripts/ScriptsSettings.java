package org.hotline.gateway.scripts;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where flows and prompts are read from ({@code HOTLINE_SCRIPTS_DIR}, default {@code ./ivr-scripts}). */
@Validated
@ConfigurationProperties("hotline.scripts")
public record ScriptsSettings(@NotNull Path dir) {}
