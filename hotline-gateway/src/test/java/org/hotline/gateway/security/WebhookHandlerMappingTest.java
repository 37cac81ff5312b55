package org.hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class WebhookHandlerMappingTest {

    @Controller
    static class Hooks {
        @PostMapping(path = "/webhooks/voice", produces = MediaType.APPLICATION_XML_VALUE)
        void voice() {}

        @PostMapping("/webhooks/call/{id}")
        void withVariable(@PathVariable String id) {}

        @GetMapping("/webhooks/page")
        void get() {}

        @PostMapping(path = "/webhooks/json-only", consumes = MediaType.APPLICATION_JSON_VALUE)
        void consumes() {}

        @PostMapping(path = "/webhooks/twice", produces = MediaType.APPLICATION_XML_VALUE)
        void twiceXml() {}

        @PostMapping(path = "/webhooks/twice", produces = MediaType.APPLICATION_JSON_VALUE)
        void twiceJson() {}

        @PostMapping("/api/not-a-webhook")
        void api() {}
    }

    private WebhookHandlerMapping mapping;

    @BeforeEach
    void routes() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("hooks", Hooks.class);
        context.refresh();
        RequestMappingHandlerMapping application = new RequestMappingHandlerMapping();
        application.setApplicationContext(context);
        application.afterPropertiesSet();
        mapping = new WebhookHandlerMapping(application);
        mapping.setApplicationContext(context);
    }

    @Test
    void aWebhookPostIsRoutedToItsMethodWithTheAttributesSpringMvcSets() throws Exception {
        MockHttpServletRequest request = post("/webhooks/voice");
        request.addHeader("Accept", "*/*");

        HandlerExecutionChain chain = mapping.getHandler(request);

        assertThat(chain).isNotNull();
        HandlerMethod method = (HandlerMethod) chain.getHandler();
        assertThat(method.getMethod().getName()).isEqualTo("voice");
        assertThat(method.getBean()).isInstanceOf(Hooks.class);
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isEqualTo("/webhooks/voice");
        assertThat(request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE)).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.collection(MediaType.class)).containsExactly(MediaType.APPLICATION_XML);
        MockHttpServletRequest underContext = post("/hotline/webhooks/voice");
        underContext.setContextPath("/hotline");
        assertThat(mapping.getHandler(underContext)).isNotNull();
    }

    @Test
    void everythingElseIsLeftToSpringMvc() throws Exception {
        assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/webhooks/voice"))).isNull();
        assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/webhooks/page"))).isNull();
        // other spellings of the path: Spring MVC decides, as it does without this mapping
        assertThat(mapping.getHandler(post("/webhooks/%76oice"))).isNull();
        assertThat(mapping.getHandler(post("/webhooks//voice"))).isNull();
        assertThat(mapping.getHandler(post("/webhooks/voice;x=1"))).isNull();
        assertThat(mapping.getHandler(post("/webhooks/voice/"))).isNull();
        assertThat(mapping.getHandler(post("/Webhooks/voice"))).isNull();
        MockHttpServletRequest wantsJson = post("/webhooks/voice");
        wantsJson.addHeader("Accept", "application/json");
        assertThat(mapping.getHandler(wantsJson)).isNull();
        // variables, conditions, a path mapped twice, paths that are not webhooks
        assertThat(mapping.getHandler(post("/webhooks/call/CA1"))).isNull();
        assertThat(mapping.getHandler(post("/webhooks/json-only"))).isNull();
        assertThat(mapping.getHandler(post("/webhooks/twice"))).isNull();
        assertThat(mapping.getHandler(post("/api/not-a-webhook"))).isNull();
        assertThat(mapping.getHandler(post("/webhooks/unknown"))).isNull();
    }

    private static MockHttpServletRequest post(String uri) {
        return new MockHttpServletRequest("POST", uri);
    }
}
