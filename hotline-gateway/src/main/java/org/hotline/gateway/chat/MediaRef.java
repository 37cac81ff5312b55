package org.hotline.gateway.chat;

/**
 * A picture, voice note, video, document or location a person sent: only a reference to where the
 * provider keeps it, never the content. A location's {@code url} is a {@code geo:} URI.
 *
 * @param kind picture, audio, video, document, location, sticker or contact
 */
public record MediaRef(String kind, String contentType, String url, String name) {

    /** The kind of attachment a content type stands for, for media that says only its type. */
    public static String kindOf(String contentType) {
        if (contentType == null) {
            return "document";
        }
        if (contentType.startsWith("image/")) {
            return "picture";
        }
        if (contentType.startsWith("audio/")) {
            return "audio";
        }
        if (contentType.startsWith("video/")) {
            return "video";
        }
        return "document";
    }
}
