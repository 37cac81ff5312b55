package org.hotline.gateway.chat;

/** A webhook's body is not what its provider sends: answered 400 with the problem, nothing stored. */
public class MalformedPayloadException extends RuntimeException {
    public MalformedPayloadException(String problem) {
        super(problem);
    }
}
