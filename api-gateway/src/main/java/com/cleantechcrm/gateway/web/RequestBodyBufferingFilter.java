package com.cleantechcrm.gateway.web;

import com.cleantechcrm.gateway.routing.RouteAccessFilter;
import com.cleantechcrm.gateway.security.GatewayErrors;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.web.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the whole body of a request that is about to be forwarded, up to {@code crm.http.max-body-bytes}, and hands
 * the proxy a copy in memory. A body without {@code Content-Length} (chunked) can only be measured by reading it, and
 * streaming it straight through would forward the first megabyte before its size is known. A larger body gets 413 and
 * is never forwarded.
 *
 * <p>NOTE: this holds up to one body limit (1 MiB by default) in memory per request in flight.
 */
public class RequestBodyBufferingFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final GatewayErrors errors;

    public RequestBodyBufferingFilter(long maxBodyBytes, GatewayErrors errors) {
        this.maxBodyBytes = maxBodyBytes;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getAttribute(RouteAccessFilter.ROUTE_ATTRIBUTE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            errors.write(
                    response,
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the limit of " + maxBodyBytes + " bytes.");
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /**
     * Returns the stream's bytes, or null when it has more than {@code limit}. The stream may also stop early with
     * service-support's {@link PayloadTooLargeException}, which counts the same limit.
     */
    private static byte[] readAtMost(InputStream input, long limit) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int read;
            while ((read = input.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    return null;
                }
                output.write(buffer, 0, read);
            }
        } catch (PayloadTooLargeException e) {
            return null;
        }
        return output.toByteArray();
    }

    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ByteArrayServletInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class ByteArrayServletInputStream extends ServletInputStream {

        private final ByteArrayInputStream input;

        ByteArrayServletInputStream(byte[] body) {
            this.input = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return input.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return input.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return input.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("The buffered body is read synchronously.");
        }
    }
}
