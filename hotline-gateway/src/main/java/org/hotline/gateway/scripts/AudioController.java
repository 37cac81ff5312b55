package org.hotline.gateway.scripts;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves prompt audio (recorded or rendered) from ivr-scripts/audio/ for providers that play it to callers. */
@RestController
class AudioController {

    private final Path audio;

    AudioController(ScriptsSettings settings) {
        this.audio = settings.dir().resolve("audio").toAbsolutePath().normalize();
    }

    @GetMapping("/audio/{language:[a-z]{2,3}}/{name:[a-zA-Z0-9_-]+}.wav")
    ResponseEntity<Resource> audio(@PathVariable String language, @PathVariable String name) {
        Path file = audio.resolve(language).resolve(name + ".wav").normalize();
        if (!file.startsWith(audio) || !Files.isRegularFile(file)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav")).body(new FileSystemResource(file));
    }
}
