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
        super(leanClient());
        this.base = base.toString().replaceFirst("/$", "");
    }

    /**
     * The SDK's own pool and time-outs, without the parts of Apache's default chain that only cost:
     * no transparent retry (a retried POST could send a message twice; the outbound queue retries,
     * knowing what went), no decompression of answers of a few hundred bytes, no cookies or
     * authentication cache (every request carries its credentials). Redirects stay as the SDK sets them.
     */
    private static org.apache.hc.client5.http.impl.classic.HttpClientBuilder leanClient() {
        var pool = new org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager();
        pool.setDefaultConnectionConfig(org.apache.hc.client5.http.config.ConnectionConfig.custom()
                .setConnectTimeout(org.apache.hc.core5.util.Timeout.ofSeconds(10))
                .setSocketTimeout(org.apache.hc.core5.util.Timeout.ofMilliseconds(30_500)).build());
        pool.setDefaultMaxPerRoute(20);
        pool.setMaxTotal(100);
        return org.apache.hc.client5.http.impl.classic.HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(org.apache.hc.client5.http.config.RequestConfig.custom()
                        .setResponseTimeout(org.apache.hc.core5.util.Timeout.ofMilliseconds(30_500)).build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching();
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
