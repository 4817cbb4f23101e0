package com.cleantechcrm.events;

/** Keys of the metadata that the command side attaches to every stored event. */
public final class EventMetadata {

    /** The id of the HTTP request that caused the event, for tracing across services. */
    public static final String REQUEST_ID = "request_id";

    /** The id (never the secret) of the API key that sent the request. */
    public static final String API_KEY_ID = "api_key_id";

    /** The organisation that owns the lead. */
    public static final String ORGANIZATION_ID = "organization_id";

    private EventMetadata() {}
}
