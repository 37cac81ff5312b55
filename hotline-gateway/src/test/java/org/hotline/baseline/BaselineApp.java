package org.hotline.baseline;

import java.time.Duration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmarks' baseline: a bare Spring MVC endpoint doing one Redis GET + SET. Outside the
 * gateway's packages on purpose, so no gateway context ever scans it.
 */
@SpringBootApplication
@RestController
public class BaselineApp {
    private final StringRedisTemplate redis;

    public BaselineApp(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The same servlet stack, security filters in place but open: the baseline pays what every endpoint pays. */
    @org.springframework.context.annotation.Bean
    org.springframework.security.web.SecurityFilterChain open(org.springframework.security.config.annotation.web.builders.HttpSecurity http)
            throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).csrf(c -> c.disable()).build();
    }

    @PostMapping("/baseline")
    String step(@RequestParam String key) {
        String value = redis.opsForValue().get(key);
        redis.opsForValue().set(key, value == null ? "1" : String.valueOf(value.length() + 1), Duration.ofMinutes(10));
        return "<Response/>";
    }
}
