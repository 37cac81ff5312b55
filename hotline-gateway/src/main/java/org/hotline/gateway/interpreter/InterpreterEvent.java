package org.hotline.gateway.interpreter;

/**
 * What happened to a call's interpreter, for the officer's console (and nobody else: ids only).
 * {@code stage} is the new stage's wire name; {@code interpreter} the interpreter's display name, or null.
 */
public record InterpreterEvent(String callId, String officerId, String team, String stage, String interpreter, String language) {}
