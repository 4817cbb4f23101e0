package com.cleantechcrm.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.system.ApiClient;
import com.cleantechcrm.system.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Sends 10,000 generated malformed lead bodies through the gateway, in batches of {@value #BATCH_SIZE} sent
 * concurrently, and checks that each gets a 4xx in the error envelope and that the event store gains no event.
 */
class MalformedLeadBodiesFaultTest {

    private static final int BATCH_SIZE = 20;
    private static final int CONCURRENCY = 8;

    private static ExecutorService senders;

    /** A body and what the gateway returned for it. */
    private record Answer(MalformedLeadBodies.Body body, int status, JsonNode error) {}

    @BeforeContainer
    static void startSenders() {
        senders = Executors.newFixedThreadPool(CONCURRENCY);
    }

    @AfterContainer
    static void checkReadModelsAndStop() throws Exception {
        senders.shutdownNow();
        FaultSystem.get().consistency().assertConvergesWithin(Duration.ofSeconds(60));
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void malformedBodiesGet4xxAndStoreNothing(@ForAll("batches") List<MalformedLeadBodies.Body> bodies)
            throws Exception {
        FaultSystem system = FaultSystem.get();
        long eventsBefore = system.consistency().storedEventCount();

        List<Answer> answers = send(system.client(), bodies);

        List<Answer> wrong = answers.stream()
                .filter(answer -> !isClientErrorInEnvelope(answer))
                .toList();
        assertThat(wrong)
                .as("bodies not answered with 4xx in the error envelope")
                .isEmpty();
        assertThat(system.consistency().storedEventCount())
                .as("events in the store after the batch")
                .isEqualTo(eventsBefore);
    }

    @Provide
    Arbitrary<List<MalformedLeadBodies.Body>> batches() {
        return MalformedLeadBodies.bodies().list().ofSize(BATCH_SIZE);
    }

    private static List<Answer> send(ApiClient client, List<MalformedLeadBodies.Body> bodies) throws Exception {
        List<Future<Answer>> pending = new ArrayList<>();
        for (MalformedLeadBodies.Body body : bodies) {
            pending.add(senders.submit(() -> {
                Response response = client.send(
                        "POST", "/leads", "application/json", body.json().getBytes(StandardCharsets.UTF_8));
                return new Answer(body, response.status(), response.body().path("error"));
            }));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : pending) {
            answers.add(answer.get());
        }
        return answers;
    }

    private static boolean isClientErrorInEnvelope(Answer answer) {
        JsonNode details = answer.error().path("details");
        return answer.status() >= 400
                && answer.status() < 500
                && answer.status() != 429
                && !answer.error().path("code").asText().isEmpty()
                && !answer.error().path("message").asText().isEmpty()
                && details.path("validation_errors").isArray()
                && details.path("system_errors").isArray();
    }
}
