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
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Sign-in: the console and everything under {@code /api/**} need a user from configuration;
 * webhooks are open here because each provider's signature authenticates them. Anonymous health
 * says only UP or DOWN; its details and the metrics are for a signed-in admin, or for a scraper with
 * {@code HOTLINE_METRICS_TOKEN}. Failed sign-ins are throttled; anonymous requests create no session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The requests Boot's per-request filters step aside for: webhooks, authenticated and timed by their own. */
    private static boolean isWebhook(jakarta.servlet.http.HttpServletRequest request) {
        return WebhookPaths.isUnder(request, WebhookTimer.NOT_OBSERVED);
    }

    /** Every request body is capped before anything (the signature filters included) reads it. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(LimitsSettings limits, MeterRegistry metrics) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(limits.webhookBody(), limits.apiBody(), metrics));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Webhooks are timed by their own filter, right after the body cap; the servlet observation skips them. */
    @Bean
    FilterRegistrationBean<WebhookTimer> webhookTimer(MeterRegistry metrics) {
        var registration = new FilterRegistrationBean<>(new WebhookTimer(metrics));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Boot's HTTP server observation, for everything but webhooks (timed by {@link WebhookTimer}):
     * skipped there before it builds its context, not made and then dropped by a predicate.
     */
    @Bean
    FilterRegistrationBean<org.springframework.web.filter.ServerHttpObservationFilter> webhookSkippingObservationFilter(
            io.micrometer.observation.ObservationRegistry observations) {
        var filter = new org.springframework.web.filter.ServerHttpObservationFilter(observations,
                new org.springframework.http.server.observation.DefaultServerRequestObservationConvention()) {
            @Override
            protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
                return isWebhook(request);
            }
        };
        var registration = new FilterRegistrationBean<org.springframework.web.filter.ServerHttpObservationFilter>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC);
        return registration;
    }

    /**
     * Boot's request-context filter, for what runs before the dispatcher (the console's security
     * filters); a webhook's controller gets the request context from the dispatcher, as every
     * request does, and nothing before it asks for one.
     */
    @Bean
    org.springframework.boot.servlet.filter.OrderedRequestContextFilter webhookSkippingRequestContextFilter() {
        return new org.springframework.boot.servlet.filter.OrderedRequestContextFilter() {
            @Override
            protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
                return isWebhook(request);
            }
        };
    }

    /** A webhook's controller found in one look-up, before Spring MVC's mappings are asked in turn. */
    @Bean
    WebhookHandlerMapping webhookHandlerMapping(
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping application) {
        return new WebhookHandlerMapping(application);
    }

    /**
     * The resource chain's URL rewriting serves the console's pages (webjar links); a webhook's
     * answer has no links, and the wrapper cost every one of them.
     */
    @Bean
    FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter>(
                new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter() {
                    @Override
                    public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response,
                                         jakarta.servlet.FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
                        if (request instanceof jakarta.servlet.http.HttpServletRequest http && isWebhook(http)) {
                            chain.doFilter(request, response);
                        } else {
                            super.doFilter(request, response, chain);
                        }
                    }
                });
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
        return registration;
    }

    /**
     * No observation around each security filter: it made every webhook allocate a context per
     * filter and told nothing the request's own metrics do not (sign-in failures are counted and
     * audited by the gateway itself).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Webhooks and prompt audio: authenticated by each provider's signature filter (or public), so
     * the chain keeps only Spring Security's firewall: no session, CSRF token, request cache,
     * sign-in page, headers, request wrapper or authorization filter, nothing that would cost a webhook without
     * protecting it. The signature filters run before any controller whatever this chain does.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**", "/audio/**")
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(exceptions -> exceptions.disable());
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager signIn, SecuritySettings settings,
                                            @Value("${hotline.public-base-url}") String publicBaseUrl) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        boolean https = publicBaseUrl.startsWith("https:");
        // the page asked for before signing in is remembered in a cookie, not a session: anonymous requests make no session
        CookieRequestCache requestCache = new CookieRequestCache();
        // only pages: a browser's own requests (its favicon, a script) must not become where sign-in leads
        requestCache.setRequestMatcher(request -> !api.matches(request) && "GET".equals(request.getMethod())
                && request.getHeader("Accept") != null && request.getHeader("Accept").contains("text/html"));
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(https).sameSite("Strict"));
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
        failure.setAllowSessionCreation(false);
        http.authenticationManager(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(metricsReader(settings))
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/system/**").hasRole(Role.ADMIN.name())
                        // the supervisors' pages of the console: an officer gets 403, whatever the page
                        .requestMatchers("/console/supervisor/**").hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        // flows tried without a phone: script authors (and supervisors, who answer for what callers hear)
                        .requestMatchers("/console/test-line", "/console/test-line/**")
                        .hasAnyRole(Role.SCRIPT_AUTHOR.name(), Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers("/login", "/error", "/console.css", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                // the API uses Basic auth or the same-site session cookie: no CSRF token needed
                .csrf(csrf -> csrf.ignoringRequestMatchers(api).csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(requestCache))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .httpBasic(Customizer.withDefaults())
                // the console's own sign-in page (its languages); after it, back where the officer was, else the console
                .formLogin(form -> form.loginPage("/login").permitAll().defaultSuccessUrl("/console").failureHandler(failure))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }

    /** Prometheus: an admin who signed in, or a scraper that shows the metrics token (compared in constant time). */
    private static AuthorizationManager<RequestAuthorizationContext> metricsReader(SecuritySettings settings) {
        byte[] token = settings.hasMetricsToken() ? settings.metricsToken().getBytes(StandardCharsets.UTF_8) : null;
        AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager.hasRole(Role.ADMIN.name());
        return (authentication, context) -> {
            String header = context.getRequest().getHeader("Authorization");
            if (token != null && header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8))) {
                return new AuthorizationDecision(true);
            }
            return admin.authorize(authentication, context);
        };
    }

    /** The session cookie travels only over TLS when the hotline is served over it. */
    @Bean
    ServletContextInitializer secureSessionCookie(@Value("${hotline.public-base-url}") String publicBaseUrl) {
        return servletContext -> {
            if (publicBaseUrl.startsWith("https:")) {
                servletContext.getSessionCookieConfig().setSecure(true);
            }
        };
    }

    @Bean
    SignInThrottle signInThrottle(SecuritySettings settings, Clock clock) {
        return new SignInThrottle(settings.signIn().perUser(), settings.signIn().perAddress(), clock);
    }

    /** Form and HTTP Basic sign-in share one throttled check of the configured users. */
    @Bean
    AuthenticationManager signInManager(UserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle, MeterRegistry metrics,
                                        ApplicationEventPublisher events) {
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(users);
        check.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(check, throttle, metrics));
        // failures (bad credentials, throttled as locked) become events the audit trail listens to
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
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
