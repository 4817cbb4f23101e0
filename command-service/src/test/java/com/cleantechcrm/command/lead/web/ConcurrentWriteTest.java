package com.cleantechcrm.command.lead.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.command.support.CommandServiceIntegrationTest;
import com.cleantechcrm.events.DealValueChanged;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ConcurrentWriteTest extends CommandServiceIntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void rejectsWriteThatLostAppendRace() throws Exception {
        UUID leadId = createLead(validLead(randomEmail()));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // A second writer, such as another instance of the service, appends sequence 1 and keeps its transaction open.
        CompletableFuture<Void> otherWriter = CompletableFuture.runAsync(() -> new TransactionTemplate(
                        transactionManager)
                .executeWithoutResult(status -> {
                    eventStore.publish(new GenericDomainEventMessage<>(
                            "Lead",
                            leadId.toString(),
                            1,
                            new DealValueChanged(
                                    leadId, caller.organizationId(), new BigDecimal("1250000.50"), BigDecimal.ONE)));
                    appended.countDown();
                    awaitQuietly(commit);
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<HttpResponse<String>> request =
                CompletableFuture.supplyAsync(() -> put("/leads/" + leadId + "/deal-value", Map.of("deal_value", 7)));
        // Gives the request time to reach the insert of sequence 1, which then waits for the open transaction.
        Thread.sleep(1500);
        commit.countDown();
        otherWriter.get(30, TimeUnit.SECONDS);
        HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(bodyOf(response).at("/error/code").asText()).isEqualTo("CONFLICT");
        assertThat(bodyOf(response).at("/error/message").asText()).contains("Retry the request");
        List<String> payloads = jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number",
                String.class,
                leadId.toString());
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(1)).contains("\"deal_value\":1");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
