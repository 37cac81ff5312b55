package org.hotline.gateway.interpreter;

/**
 * A call's interpreter changed stage ({@code stage}: its wire name), for the officer's console, which
 * reads the rest from {@link InterpreterCalls#of}. Ids only, like every console event.
 */
public record InterpreterEvent(String callId, String officerId, String stage) {}
