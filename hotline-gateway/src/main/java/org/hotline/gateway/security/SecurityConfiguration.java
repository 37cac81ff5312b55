package org.hotline.gateway.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.config.ConfigProblem;
import org.hotline.gateway.config.ConfigOrigins;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in: the console and everything under {@code /api/**} need a user from configuration;
 * webhooks are open here because each provider's signature authenticates them; health and
 * metrics are open for probes and scrapers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * Webhooks and prompt audio: authenticated by each provider's signature (or public), so no
     * session, no CSRF token, no request cache, no sign-in page: a short, stateless chain.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**", "/audio/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/system/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/login", "/error").permitAll()
                        .anyRequest().authenticated())
                // the API uses Basic auth or the same-site session cookie: no CSRF token needed
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(SecuritySettings settings, HotlineDirectory directory,
                                          ConfigurableEnvironment environment) {
        checkOfficerLinks(settings, directory, environment);
        List<UserDetails> users = new ArrayList<>();
        for (SecuritySettings.User user : settings.users()) {
            String hash = user.passwordHash().startsWith("{") ? user.passwordHash() : "{bcrypt}" + user.passwordHash();
            users.add(User.withUsername(user.username())
                    .password(hash)
                    .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                    .build());
        }
        if (users.isEmpty()) {
            users.add(oneTimeAdmin());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** With no user configured, the gateway makes an admin whose password lives only in this process. */
    private static UserDetails oneTimeAdmin() {
        String password = randomPassword();
        log.warn("No users are configured (hotline.security.users). One-time admin for this run: user 'admin', password '{}'."
                + " Configure users with bcrypt hashes before production.", password);
        return User.withUsername("admin")
                .password("{bcrypt}" + new BCryptPasswordEncoder().encode(password))
                .authorities(Role.ADMIN.authority(), Role.SUPERVISOR.authority())
                .build();
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static void checkOfficerLinks(SecuritySettings settings, HotlineDirectory directory, ConfigurableEnvironment environment) {
        List<ConfigProblem> problems = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < settings.users().size(); i++) {
            SecuritySettings.User user = settings.users().get(i);
            String path = "hotline.security.users[" + i + "]";
            if (!names.add(user.username())) {
                problems.add(new ConfigProblem(path + ".username", user.username(), "user declared twice"));
            }
            if (user.officer() != null && directory.officer(user.officer()).isEmpty()) {
                problems.add(new ConfigProblem(path + ".officer", user.officer(), "no such officer in hotline.officers"));
            }
            if (user.roles().contains(Role.OFFICER) && user.officer() == null) {
                problems.add(new ConfigProblem(path + ".officer", null, "a user with role officer must name the officer they are"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(ConfigOrigins.locate(problems, environment));
        }
    }
}
