package org.hotline.gateway.state;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which store holds shared state ({@code HOTLINE_STORE}: memory, the embedded default, or redis)
 * and where the embedded default keeps its files ({@code HOTLINE_DATA_DIR}).
 */
@Validated
@ConfigurationProperties("hotline.state")
public record StateSettings(@DefaultValue("memory") @NotNull StoreKind store, @DefaultValue("./data") @NotNull Path dataDir) {

    public enum StoreKind { MEMORY, REDIS }
}
