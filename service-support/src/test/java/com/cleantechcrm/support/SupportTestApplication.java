package com.cleantechcrm.support;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.security.Caller;
import com.cleantechcrm.support.web.StrictJsonBinder;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
class SupportTestApplication {

    enum Color {
        RED,
        GREEN
    }

    record Inner(@NotNull Color color, List<@NotBlank @Size(max = 5) String> tags) {}

    record Sample(
            @NotBlank @Size(max = 10) String name,
            @NotNull @Min(0) @Max(100) Integer score,
            BigDecimal amount,
            @NotNull @Valid Inner inner) {}

    @RestController
    static class SampleController {

        private final StrictJsonBinder binder;

        SampleController(StrictJsonBinder binder) {
            this.binder = binder;
        }

        @PostMapping("/leads")
        Map<String, Object> create(@RequestBody JsonNode body, Caller caller) {
            Sample sample = binder.bind(body, Sample.class);
            return Map.of(
                    "name",
                    sample.name(),
                    "organization_id",
                    caller.organizationId(),
                    "amount",
                    sample.amount() == null ? "" : sample.amount().toPlainString());
        }

        @GetMapping("/leads/{id}")
        Map<String, Object> read(@PathVariable UUID id, Caller caller) {
            if (id.getMostSignificantBits() == 0) {
                throw new ApiException(ErrorCode.NOT_FOUND, "Lead " + id + " was not found.");
            }
            if (id.getLeastSignificantBits() == 1) {
                throw new IllegalStateException("select * from secret_table failed");
            }
            if (id.getLeastSignificantBits() == 2) {
                throw new IllegalStateException(
                        "select * from secret_table failed",
                        new SQLTransientConnectionException("Connection is not available, request timed out"));
            }
            return Map.of("id", id, "api_key_id", caller.apiKeyId());
        }
    }
}
