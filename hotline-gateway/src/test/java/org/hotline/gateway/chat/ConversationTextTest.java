package org.hotline.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Facts;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Node;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Conversations and messages in their stored form: everything comes back, and records saved as JSON before still read. */
class ConversationTextTest {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final ConversationText text = new ConversationText(json);

    private static Conversation conversation() {
        FlowState flow = new FlowState("main", "c1", "route", "ru", 0, 0, Map.of("topic", "labour: work | pay ~"),
                List.of("start", "lang"), new Facts(Channel.CHAT, true, null, Set.of("general"), false, "ru"), Set.of(), false);
        return new Conversation("cabc", ContactChannel.WHATSAPP, "whatsapp:+359888123456", "whatsapp:+35929394777", "Оля 🌻",
                Instant.ofEpochSecond(1_800_000_000L, 42), Conversation.Status.ASSIGNED, flow, "general", "labour", Node.Priority.URGENT,
                "officer-elena", Instant.ofEpochSecond(1_800_000_010L), Instant.ofEpochSecond(1_800_000_020L), null, null,
                Instant.ofEpochSecond(1_800_000_030L), Instant.ofEpochSecond(1_800_000_040L), 3, List.of("SM1", "SM2"), List.of("m3"),
                List.of("r1"));
    }

    @Test
    void aConversationComesBack() {
        Conversation c = conversation();
        assertThat(text.conversation(text.write(c))).isEqualTo(c);
    }

    @Test
    void messagesComeBackWithTheirMedia() {
        ChatEntry in = new ChatEntry("m1", ChatEntry.Direction.IN, "contact", "Помогите: 12|3 ~", List.of(
                new MediaRef("audio", "audio/ogg", "https://api.twilio.com/media/ME1", null),
                new MediaRef("document", "application/pdf", "https://api.twilio.com/media/ME2", "passport.pdf")),
                Instant.ofEpochSecond(1_800_000_000L, 7), "SM1", null, null, false);
        ChatEntry out = new ChatEntry("m2", ChatEntry.Direction.OUT, "flow", "", List.of(), Instant.EPOCH, null, Delivery.FAILED,
                "refused", true);
        assertThat(text.entry(text.write(in))).isEqualTo(in);
        assertThat(text.entry(text.write(out))).isEqualTo(out);
    }

    @Test
    void recordsSavedAsJsonBeforeAreStillRead() {
        Conversation c = conversation();
        assertThat(text.conversation(json.writeValueAsString(c))).isEqualTo(c);
        ChatEntry e = new ChatEntry("m1", ChatEntry.Direction.IN, "contact", "hi", List.of(), Instant.EPOCH, "SM1", null, null, false);
        assertThat(text.entry(json.writeValueAsString(e))).isEqualTo(e);
    }

    @Test
    void aQueuedReplyComesBackAndOneQueuedInAnEarlierFormIsRead() {
        OutboundMessage message = new OutboundMessage("cabc", "m2", ContactChannel.VIBER, "user==:1|~", null, "Выберите: 1|2",
                List.of(new Reply.Button("1", "Українська"), new Reply.Button("2", "English")), false, "trafficking", "o7");
        assertThat(OutboundMessage.fromText(message.toText(), json)).isEqualTo(message);
        assertThat(OutboundMessage.fromText(json.writeValueAsString(message), json)).isEqualTo(message);
        // out1, as queued before a message kept its team and officer
        String out1 = org.hotline.gateway.state.CompactText.writer("out1").text("cabc").text("m2").enumValue(ContactChannel.VIBER)
                .text("user==:1|~").text(null).text("Выберите: 1|2").number(2).text("1").text("Українська").text("2").text("English")
                .flag(false).toString();
        assertThat(OutboundMessage.fromText(out1, json)).isEqualTo(new OutboundMessage("cabc", "m2", ContactChannel.VIBER, "user==:1|~", null,
                "Выберите: 1|2", List.of(new Reply.Button("1", "Українська"), new Reply.Button("2", "English")), false, null, null));
    }

    @Test
    void aDeliveryReceiptComesBack() {
        DeliveryReceipt sent = new DeliveryReceipt(Delivery.SENT, "SM1", null);
        DeliveryReceipt failed = new DeliveryReceipt(Delivery.FAILED, null, "63016: outside the window | retry ~");
        assertThat(text.receipt(text.write(sent))).isEqualTo(sent);
        assertThat(text.receipt(text.write(failed))).isEqualTo(failed);
    }

    @Test
    void aDamagedRecordIsRefused() {
        String written = text.write(conversation());
        assertThatThrownBy(() -> text.conversation(written.substring(0, written.length() - 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> text.entry(written)).isInstanceOf(IllegalArgumentException.class);
    }
}
