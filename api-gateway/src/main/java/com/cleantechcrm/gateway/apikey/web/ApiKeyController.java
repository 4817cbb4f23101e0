package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.gateway.apikey.ApiKey;
import com.cleantechcrm.gateway.apikey.ApiKeyActor;
import com.cleantechcrm.gateway.apikey.ApiKeyChanges;
import com.cleantechcrm.gateway.apikey.ApiKeyChanges.RotatedApiKey;
import com.cleantechcrm.gateway.apikey.ApiKeyProperties;
import com.cleantechcrm.gateway.apikey.ApiKeyRepository;
import com.cleantechcrm.gateway.apikey.ApiKeyService;
import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.organization.Organization;
import com.cleantechcrm.gateway.organization.OrganizationRepository;
import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.web.StrictJsonBinder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates, lists, rotates and revokes the keys of the caller's organisation and changes their expiry. The gateway's
 * route table requires the {@code admin} scope for every path here. A key of another organisation is not found.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("/admin/api-keys")
class ApiKeyController {

    private final StrictJsonBinder binder;
    private final ApiKeyService creation;
    private final ApiKeyChanges changes;
    private final ApiKeyRepository apiKeys;
    private final OrganizationRepository organizations;
    private final ApiKeyProperties properties;
    private final Clock clock;

    ApiKeyController(
            StrictJsonBinder binder,
            ApiKeyService creation,
            ApiKeyChanges changes,
            ApiKeyRepository apiKeys,
            OrganizationRepository organizations,
            ApiKeyProperties properties,
            Clock clock) {
        this.binder = binder;
        this.creation = creation;
        this.changes = changes;
        this.apiKeys = apiKeys;
        this.organizations = organizations;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<ApiKeyWithSecretResponse> create(
            @RequestBody JsonNode body, @AuthenticationPrincipal AuthenticatedKey caller) {
        CreateApiKeyRequest request = binder.bind(body, CreateApiKeyRequest.class);
        Organization organization = organizations
                .findById(caller.organizationId())
                .orElseThrow(() -> new IllegalStateException(
                        "The organization " + caller.organizationId() + " of an authenticated key does not exist"));

        CreatedApiKey created = creation.create(
                organization,
                request.name(),
                EnumSet.copyOf(request.scopes()),
                Timestamps.parseValidated(request.expiresAt()),
                ApiKeyActor.apiKey(caller.keyId()));
        ApiKeyWithSecretResponse response =
                new ApiKeyWithSecretResponse(ApiKeyResponse.of(created.apiKey(), clock.instant()), created.key());
        return ResponseEntity.created(
                        URI.create("/admin/api-keys/" + created.apiKey().id()))
                .cacheControl(CacheControl.noStore())
                .body(response);
    }

    @GetMapping
    ApiKeyListResponse list(@AuthenticationPrincipal AuthenticatedKey caller) {
        Instant now = clock.instant();
        return new ApiKeyListResponse(apiKeys.listByOrganization(caller.organizationId()).stream()
                .map(key -> ApiKeyResponse.of(key, now))
                .toList());
    }

    @GetMapping("/{id}")
    ApiKeyResponse find(@PathVariable String id, @AuthenticationPrincipal AuthenticatedKey caller) {
        UUID keyId = parseKeyId(id);
        ApiKey key = apiKeys.findInOrganization(caller.organizationId(), keyId)
                .orElseThrow(() -> ApiKeyChanges.notFound(keyId));
        return ApiKeyResponse.of(key, clock.instant());
    }

    @PostMapping("/{id}/rotate")
    ResponseEntity<ApiKeyWithSecretResponse> rotate(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            @AuthenticationPrincipal AuthenticatedKey caller) {
        UUID keyId = parseKeyId(id);
        RotateApiKeyRequest request = binder.bind(orEmpty(body), RotateApiKeyRequest.class);
        Duration gracePeriod = request.gracePeriodSeconds() == null
                ? properties.rotationGracePeriod()
                : Duration.ofSeconds(request.gracePeriodSeconds());

        RotatedApiKey rotated =
                changes.rotate(caller.organizationId(), keyId, gracePeriod, ApiKeyActor.apiKey(caller.keyId()));
        ApiKeyWithSecretResponse response =
                new ApiKeyWithSecretResponse(ApiKeyResponse.of(rotated.apiKey(), clock.instant()), rotated.key());
        return ResponseEntity.status(HttpStatus.OK)
                .cacheControl(CacheControl.noStore())
                .body(response);
    }

    @PostMapping("/{id}/revoke")
    ApiKeyResponse revoke(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            @AuthenticationPrincipal AuthenticatedKey caller) {
        UUID keyId = parseKeyId(id);
        RevokeApiKeyRequest request = binder.bind(orEmpty(body), RevokeApiKeyRequest.class);
        ApiKey revoked =
                changes.revoke(caller.organizationId(), keyId, request.reason(), ApiKeyActor.apiKey(caller.keyId()));
        return ApiKeyResponse.of(revoked, clock.instant());
    }

    @PutMapping("/{id}/expiry")
    ApiKeyResponse changeExpiry(
            @PathVariable String id, @RequestBody JsonNode body, @AuthenticationPrincipal AuthenticatedKey caller) {
        UUID keyId = parseKeyId(id);
        ChangeExpiryRequest request =
                RequiredFields.bindRequiring(binder, body, ChangeExpiryRequest.class, ChangeExpiryRequest.FIELD);
        ApiKey changed = changes.changeExpiry(
                caller.organizationId(),
                keyId,
                Timestamps.parseValidated(request.expiresAt()),
                ApiKeyActor.apiKey(caller.keyId()));
        return ApiKeyResponse.of(changed, clock.instant());
    }

    /** Parses a key id from the path; text that is no UUID names no key, so it is not found either. */
    private static UUID parseKeyId(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            if (id.length() == 36) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // Reported as not found below.
        }
        throw new ApiException(ErrorCode.NOT_FOUND, "No resource exists at this path.");
    }

    private static JsonNode orEmpty(JsonNode body) {
        return body == null ? JsonNodeFactory.instance.objectNode() : body;
    }
}
