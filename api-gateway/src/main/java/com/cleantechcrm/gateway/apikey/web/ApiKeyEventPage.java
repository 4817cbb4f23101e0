package com.cleantechcrm.gateway.apikey.web;

import java.util.List;

/** A page of key events, newest first; {@code nextCursor} is null on the last page. */
record ApiKeyEventPage(List<ApiKeyEventResponse> items, String nextCursor) {}
