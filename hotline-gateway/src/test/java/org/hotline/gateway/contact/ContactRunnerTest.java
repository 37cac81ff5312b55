package org.hotline.gateway.contact;

import org.hotline.gateway.channel.ContactChannel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.cases.ReferralProgress;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.gateway.calllog.ReturningContacts;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.Router;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.routing.TeamHours;
import org.hotline.gateway.state.JdbcStreamStore;
import org.hotline.gateway.state.MemoryDedupeStore;
import org.hotline.gateway.state.MemoryLockManager;
import org.hotline.gateway.state.MemorySessionStore;
import org.hotline.gateway.state.StreamStore;
import org.hotline.gateway.testing.MovableClock;
import org.hotline.gateway.testing.Shipped;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contact session's rules, once for every channel: the facts a flow starts from, what a refer
 * step becomes, a hang-up after a voicemail, and the record at the end. Channels are tested only for
 * their translation.
 */
class ContactRunnerTest {

    static final Instant TUESDAY_10_SOFIA = Instant.parse("2026-12-01T08:00:00Z");
    static final Instant SATURDAY_03_SOFIA = Instant.parse("2026-12-05T01:00:00Z");

    final JsonMapper json = JsonMapper.builder().build();
    final MovableClock clock = new MovableClock(TUESDAY_10_SOFIA);
    final DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:contact-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    final StreamStore streams = streams();
    final MemorySessionStore sessions = new MemorySessionStore(clock);
    final ReturningContacts returning = new ReturningContacts(sessions, new PiiCipher(PiiCipher.newKey()), Duration.ofDays(30));
    final CallScreens screens = new CallScreens(sessions, new MemoryLockManager(clock), new CallLog(streams, json, event -> { }),
            event -> { }, json, Duration.ofSeconds(30), clock);
    final ContactRunner runner = new ContactRunner(Shipped.hotline(), new TeamHours(Shipped.directory(), new RoutingService(sessions,
            new MemoryLockManager(clock), new Router(Shipped.directory(), Presence.OFFLINE), json, event -> { }, clock)),
            returning, new ReferralOutbox(streams, new MemoryDedupeStore(clock), json,
                    new ReferralProgress(sessions, new DeadLetters(JdbcClient.create(dataSource), null, clock), Duration.ofDays(1))),
            new CallLog(streams, json, event -> { }), screens,
            new org.hotline.gateway.languages.WrittenLanguages(Shipped.directory().languageCodes()), clock);

    private StreamStore streams() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcStreamStore(JdbcClient.create(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> referrals() {
        return streams.recent("outbox", 100).stream().filter(e -> e.type().equals("referral"))
                .map(e -> (Map<String, Object>) json.readValue(e.payload(), Map.class)).toList();
    }

    @Test
    void shouldStartFromTheFactsOfTheMomentAndThePerson() {
        var person = Person.caller(ContactChannel.ASTERISK, "+359888000601");
        assertThat(runner.start("c1", person).state().facts()).satisfies(f -> {
            assertThat(f.channel()).isEqualTo(org.hotline.gateway.flow.Channel.VOICE);
            assertThat(f.callerKnown()).isTrue();
            assertThat(f.openTeams()).contains("counter-trafficking");
            assertThat(f.holiday()).isFalse();
        });
        clock.set(SATURDAY_03_SOFIA);
        var viber = new Person(ContactChannel.VIBER, "AbCdViberId==", null);
        assertThat(runner.start("c2", viber).state().facts()).satisfies(f -> {
            assertThat(f.channel()).isEqualTo(org.hotline.gateway.flow.Channel.CHAT);
            assertThat(f.callerKnown()).as("a messenger id is not a number to call").isFalse();
            assertThat(f.openTeams()).isEmpty();
        });
    }

    /** A chat's first message, and the first question the person gets: one language offered, or the menu. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            Bulgarian            | Здравейте, нуждая се от помощ                | continue_in_language | bg
            English              | Hello, I need help please                    | continue_in_language | en
            Russian              | Здравствуйте, мне нужна помощь               | continue_in_language | ru
            Ukrainian            | Доброго дня, мені потрібна допомога          | continue_in_language | uk
            Arabic               | مرحبا، أحتاج إلى المساعدة من فضلكم             | continue_in_language | ar
            Turkish              | Merhaba, yardıma ihtiyacım var lütfen        | continue_in_language | tr
            French               | Bonjour, j'ai besoin d'aide s'il vous plaît  | continue_in_language | fr
            Urdu                 | مجھے آپ کی مدد کی ضرورت ہے، براہ کرم            | continue_in_language | ur
            Dari or Farsi        | سلام، من به کمک شما نیاز دارم                 | welcome              | bg
            Pashto               | سلام، زه ستاسو مرستې ته اړتیا لرم              | welcome              | bg
            Kurmanji             | Silav, ez hewceyê alîkariyê me               | welcome              | bg
            too short            | Здравейте                                    | welcome              | bg
            mixed                | Hello здравствуйте help помощь               | welcome              | bg
            a number             | 1                                            | welcome              | bg
            """)
    void shouldOfferTheLanguageAChatIsClearlyWrittenInOrElseTheMenu(String what, String firstWords, String prompt, String language) {
        var person = new Person(ContactChannel.TELEGRAM, "421000001", null);
        Step.Ask ask = (Step.Ask) runner.start("w1", person, firstWords).steps().getLast();
        assertThat(ask.prompt()).as(what).isEqualTo(prompt);
        assertThat(ask.language()).as(what).isEqualTo(language);
    }

    @Test
    void shouldContinueInTheLanguageWrittenAfterOneYesAndShowTheMenuAfterANo() {
        var person = new Person(ContactChannel.VIBER, "AbCdViberId==", null);
        FlowEngine.Result offered = runner.start("w2", person, "Здравствуйте, мне нужна помощь");
        FlowEngine.Result yes = runner.reply(offered.state(), "Да");
        assertThat(yes.state().language()).isEqualTo("ru");
        assertThat(((Step.Ask) yes.steps().getLast()).prompt()).isEqualTo("choose_topic");
        assertThat(((Step.Ask) yes.steps().getLast()).language()).isEqualTo("ru");

        FlowEngine.Result no = runner.reply(runner.start("w3", person, "Здравствуйте, мне нужна помощь").state(), "нет");
        assertThat(((Step.Ask) no.steps().getLast()).prompt()).isEqualTo("welcome");
        // words at the menu are guessed once: after a no, the menu stays
        assertThat(((Step.Ask) runner.reply(no.state(), "Мне нужна помощь, пожалуйста").steps().getLast()).prompt()).isNotEqualTo("continue_in_language");

        // Viber welcomes before anyone writes: the first words at the menu get the offer
        FlowEngine.Result welcomed = runner.start("w4", person);
        FlowEngine.Result written = runner.reply(welcomed.state(), "Здравствуйте, мне нужна помощь");
        assertThat(((Step.Ask) written.steps().getLast()).prompt()).isEqualTo("continue_in_language");
        assertThat(runner.reply(written.state(), "1").state().language()).isEqualTo("ru");
    }

    @Test
    void shouldReferOnceWithThePersonsOwnNumberAndTheRealChannel() {
        var person = Person.caller(ContactChannel.ASTERISK, "+359888000602");
        // English, trafficking; nobody free in time, no message; a callback, yes, safe at this number
        List<Input> inputs = List.of(new Input.Digits("2"), new Input.Digits("1"), new Input.RouteResult(Input.RouteOutcome.TIMEOUT),
                new Input.RecordingResult(false, null), new Input.Digits("1"), new Input.Digits("1"));
        FlowEngine.Result result = runner.start("c3", person);
        List<Step> steps = new java.util.ArrayList<>();
        for (Input input : inputs) {
            result = runner.advance(result.state(), input);
            steps.addAll(result.steps());
        }
        List<ContactRunner.Referred> first = runner.referAll(steps, person, ContactRunner.Attachments.NONE);
        List<ContactRunner.Referred> again = runner.referAll(steps, person, ContactRunner.Attachments.NONE);

        assertThat(first).singleElement().satisfies(r -> assertThat(r.callback()).isTrue());
        assertThat(again).isEqualTo(first);
        List<Map<String, Object>> outbox = referrals();
        assertThat(outbox).as("a repeated step adds nothing").hasSize(1);
        Map<String, Object> callback = outbox.getFirst();
        assertThat(callback.get("kind")).isEqualTo("CALLBACK");
        assertThat(callback.get("callbackNumber")).as("'caller' is the person's own number").isEqualTo("+359888000602");
        assertThat(callback.get("channel")).isEqualTo("asterisk");
        @SuppressWarnings("unchecked")
        Map<String, Object> consent = (Map<String, Object>) callback.get("consent");
        assertThat(consent).containsEntry("safeToCallBack", "YES");
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) consent.get("source");
        assertThat(source).containsEntry("kind", "CALLER").containsEntry("step", "safe_this_number");
    }

    @Test
    void shouldReferAVoicemailWithItsRecordingAndEndWhenThePersonHangsUp() {
        var person = Person.caller(ContactChannel.TWILIO_VOICE, "+359888000603");
        clock.set(SATURDAY_03_SOFIA);
        FlowEngine.Result result = runner.start("c4", person);
        for (String key : List.of("2", "1")) {
            result = runner.advance(result.state(), new Input.Digits(key));
        }
        while (!result.state().node().contains("voicemail") && !result.state().ended()) {
            result = runner.advance(result.state(), new Input.Digits("2"));
        }
        result = runner.advance(result.state(), new Input.RecordingResult(true, "RE0000000000000000000000000000603"));
        var recording = new ContactRunner.Attachments("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE603", null);
        assertThat(runner.referAll(result.steps(), person, recording)).singleElement().satisfies(r -> assertThat(r.voicemail()).isTrue());

        // the person puts the phone down at the callback question: the flow ends, the message stays referred once
        ContactRunner.HungUp last = runner.hangUp(result.state(), person, recording);

        assertThat(last.state().ended()).isTrue();
        assertThat(last.referred()).isEmpty();
        assertThat(referrals()).hasSize(1);
        assertThat(referrals()).anySatisfy(r -> {
            assertThat(r.get("kind")).isEqualTo("VOICEMAIL");
            assertThat(r.get("recordingUrl")).isEqualTo("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE603");
            assertThat(r.get("channel")).isEqualTo("twilio-voice");
        });
        assertThat(runner.hangUp(last.state(), person, ContactRunner.Attachments.NONE).referred()).as("ended: nothing more").isEmpty();
    }

    @Test
    void shouldLogTheContactAndRememberThePersonAcrossChannels() {
        var caller = Person.caller(ContactChannel.ASTERISK, "+359888000604");
        runner.ended(new CallRecord("c5", ContactChannel.ASTERISK, "+359888000604", "ar", "trafficking", "counter-trafficking", List.of(),
                clock.instant(), clock.instant().plusSeconds(60), Duration.ZERO, null, Duration.ZERO, CallOutcome.INFORMATION_ONLY, List.of(), null, null, null), caller);

        assertThat(new CallLog(streams, json, event -> { }).recent(r -> r.id().equals("c5"), 1)).singleElement()
                .satisfies(r -> assertThat(r.channel()).isEqualTo(ContactChannel.ASTERISK));
        // the same number on WhatsApp is the same person; a withheld caller is nobody to remember
        var sameOnWhatsapp = new Person(ContactChannel.WHATSAPP, "whatsapp:+359888000604", "+359888000604");
        assertThat(returning.lastLanguage(sameOnWhatsapp.memoryKey())).contains("ar");
        assertThat(runner.start("c6", sameOnWhatsapp).state().facts().returningLanguage())
                .as("the shipped flow never reads it (offer-returning is off): not even looked up").isNull();
        runner.ended(new CallRecord("c7", ContactChannel.TWILIO_VOICE, null, "fa", null, null, List.of(), clock.instant(), clock.instant(), Duration.ZERO, null,
                Duration.ZERO, CallOutcome.ABANDONED_IN_IVR, List.of(), null, null, null), Person.caller(ContactChannel.TWILIO_VOICE, null));
        assertThat(runner.start("c8", Person.caller(ContactChannel.TWILIO_VOICE, null)).state().facts().returningLanguage()).isNull();

        // when the same person calls again and is queued, the officer's screen says they called before and how it ended
        var again = runner.start("c9", caller);
        runner.routed("c9", "AST-9", again.state(), new Step.Route("counter-trafficking", Node.Priority.URGENT, "ar", "trafficking"), caller);
        assertThat(screens.context("AST-9")).hasValueSatisfying(c -> {
            assertThat(c.callId()).isEqualTo("c9");
            assertThat(c.earlierContacts()).isEqualTo(1);
            assertThat(c.lastOutcome()).isEqualTo("information_only");
            assertThat(c.urgent()).isTrue();
            assertThat(c.channel()).isEqualTo(ContactChannel.ASTERISK);
        });
        assertThat(returning.history("+359880000999")).as("a stranger").isEmpty();
    }
}
