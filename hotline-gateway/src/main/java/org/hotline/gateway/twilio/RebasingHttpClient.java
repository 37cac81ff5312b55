package org.hotline.gateway.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;

/**
 * The Twilio SDK always calls https://api.twilio.com; this client sends the same requests to
 * another base URL (a Twilio-compatible platform, or a fake), keeping method, path, parameters,
 * headers and credentials.
 */
public final class RebasingHttpClient extends NetworkHttpClient {

    private static final String TWILIO = "https://api.twilio.com";
    private final String base;

    public RebasingHttpClient(URI base) {
        this.base = base.toString().replaceFirst("/$", "");
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.getUrl();
        if (!url.startsWith(TWILIO)) {
            return super.makeRequest(request);
        }
        Request rebased = new Request(request.getMethod(), base + url.substring(TWILIO.length()));
        request.getQueryParams().forEach((name, values) -> values.forEach(v -> rebased.addQueryParam(name, v)));
        request.getPostParams().forEach((name, values) -> values.forEach(v -> rebased.addPostParam(name, v)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> rebased.addHeaderParam(name, v)));
        if (request.getContentType() != null) {
            rebased.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            rebased.setBody(request.getBody());
        }
        if (request.requiresAuthentication()) {
            rebased.setAuth(request.getUsername(), request.getPassword());
        }
        return super.makeRequest(rebased);
    }
}
