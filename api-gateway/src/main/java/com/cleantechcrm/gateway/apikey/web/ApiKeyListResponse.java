package com.cleantechcrm.gateway.apikey.web;

import java.util.List;

/** The response of {@code GET /admin/api-keys}: every key of the organisation, newest first. */
record ApiKeyListResponse(List<ApiKeyResponse> items) {}
