package org.hotline.gateway.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What a message carries besides its text, as officers get it (API and console): a file through the
 * gateway's media endpoint, only for the officer the conversation is with and supervisors (the
 * officer never needs the provider's credentials); a place or a shared contact as it is.
 */
public record ConversationMedia(String kind, String contentType, String name, String url) {

    public static List<ConversationMedia> of(Conversation c, ChatEntry e, boolean links) {
        List<ConversationMedia> media = new ArrayList<>();
        for (int i = 0; i < e.media().size(); i++) {
            MediaRef m = e.media().get(i);
            boolean file = m.url() != null && !m.kind().equals("location") && !m.kind().equals("contact");
            String url = !links ? null : file ? "/api/v1/conversations/" + c.id() + "/messages/" + e.id() + "/media/" + i : m.url();
            media.add(new ConversationMedia(m.kind(), m.contentType(), m.name(), url));
        }
        return media;
    }

    /** Shown as a picture on the page. */
    public boolean picture() {
        return url != null && (kind.equals("picture") || kind.equals("sticker") || contentType != null && contentType.startsWith("image/"));
    }

    /** Played on the page (a voice note). */
    public boolean sound() {
        return url != null && (kind.equals("audio") || contentType != null && contentType.startsWith("audio/"));
    }
}
