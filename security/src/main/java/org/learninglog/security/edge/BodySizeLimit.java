package org.learninglog.security.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request body over the cap with 413, before anything reads it: at once when its
 * declared length says so, and while reading when it is sent in chunks without one. A file upload
 * to an import (a {@code multipart/form-data} POST to {@code /api/places/{id}/imports}) has a cap of
 * its own.
 */
public final class BodySizeLimit extends OncePerRequestFilter {

    private static final java.util.regex.Pattern UPLOADS = java.util.regex.Pattern.compile("/api/places/[^/]+/imports");

    private final long maxBody;
    private final long maxUpload;

    public BodySizeLimit(long maxBody, long maxUpload) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    private long capOf(HttpServletRequest request) {
        String type = request.getContentType();
        boolean upload = "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                && UPLOADS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
        return upload ? maxUpload : maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = capOf(request);
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, maxBytes);
            return;
        }
        CappedRequest capped = new CappedRequest(request, maxBytes);
        try {
            chain.doFilter(capped, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!capped.overflowed || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, maxBytes);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
        Problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                "The request body is larger than the " + maxBytes + " bytes accepted.");
    }

    /** Counts what is read of the body and fails the read that goes over the cap. */
    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private boolean overflowed;
        private ServletInputStream stream;

        CappedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream delegate = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = delegate.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = delegate.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > maxBytes) {
                            overflowed = true;
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return delegate.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return delegate.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        delegate.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body over the cap");
        }
    }
}
