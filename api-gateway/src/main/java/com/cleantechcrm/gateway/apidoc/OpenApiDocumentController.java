package com.cleantechcrm.gateway.apidoc;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the contract-first OpenAPI document of the public API. Most endpoints are proxied to command-service and
 * query-service, so no controller here could describe them, and the document is written by hand in
 * {@code openapi/openapi.yaml}. Swagger UI (springdoc) shows this document and no generated one.
 */
@RestController
class OpenApiDocumentController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Resource document = new ClassPathResource("openapi/openapi.yaml");

    @GetMapping(path = ApiDocumentationPaths.DOCUMENT)
    ResponseEntity<Resource> document() {
        return ResponseEntity.ok()
                .contentType(YAML)
                .cacheControl(CacheControl.noCache())
                .body(document);
    }
}
