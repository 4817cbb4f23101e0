package com.cleantechcrm.benchmark.load;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/**
 * One prepared request and what to do with its response, such as remembering the id of a created lead.
 *
 * @param endpoint the endpoint the request goes to, under which its latency is recorded
 * @param onResponse called with every response, successful or not
 */
public record Call(Endpoint endpoint, HttpRequest request, Consumer<HttpResponse<String>> onResponse) {

    static Call of(Endpoint endpoint, HttpRequest request) {
        return new Call(endpoint, request, response -> {});
    }
}
