package org.hotline.gateway.flow;

/** The kind of channel a flow runs on: it decides how steps are rendered, never what they are. */
public enum Channel { VOICE, CHAT }
