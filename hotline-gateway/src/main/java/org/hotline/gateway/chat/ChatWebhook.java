package org.hotline.gateway.chat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a messaging provider's webhook controller: its errors are answered the way providers
 * understand ({@link ChatWebhookErrors}). The chat core names no provider; each marks its own.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChatWebhook {}
