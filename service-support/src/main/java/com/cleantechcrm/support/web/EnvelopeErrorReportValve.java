package com.cleantechcrm.support.web;

import com.cleantechcrm.support.error.StatusEnvelopes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the error envelope for errors that Tomcat handles itself before any servlet runs, such as a request header
 * over the size limit or a path with an encoded NUL, in place of Tomcat's HTML error page.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorReportValve.class);

    private final ObjectMapper objectMapper = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(objectMapper.writeValueAsString(StatusEnvelopes.forStatus(status, null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Writing the error envelope for status {} failed.", status, e);
        }
    }
}
