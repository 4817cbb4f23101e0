package com.cleantechcrm.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RelayConfigurationTest extends CommandServiceIntegrationTest {

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    @Test
    void runsRelayAsPooledStreamingProcessor() {
        assertThat(eventProcessing.eventProcessor(LeadEventRelay.PROCESSING_GROUP))
                .get()
                .isInstanceOf(PooledStreamingEventProcessor.class);
    }

    @Test
    void rethrowsRelayFailuresSoTheEventIsRetried() {
        assertThat(eventProcessing.listenerInvocationErrorHandler(LeadEventRelay.PROCESSING_GROUP))
                .isSameAs(PropagatingErrorHandler.instance());
    }

    @Test
    void reportsKafkaInReadiness() {
        HttpResponse<String> response = send("GET", "/actuator/health/readiness", null, null, null, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(bodyOf(response).at("/status").asText()).isEqualTo("UP");
        assertThat(bodyOf(response).at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(bodyOf(response).at("/components/kafka/status").asText()).isEqualTo("UP");
    }
}
