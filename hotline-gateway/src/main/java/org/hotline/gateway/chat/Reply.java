package org.hotline.gateway.chat;

import java.util.List;

/**
 * What the hotline writes back in one turn: the text (a numbered list when it asks), and the same
 * choices as buttons for channels that show them (a Viber keyboard).
 */
public record Reply(String text, List<Button> buttons) {

    public record Button(String reply, String label) {}

    public Reply {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}
