package com.cleantechcrm.command.health;

import com.cleantechcrm.command.CommandServiceApplication;
import com.cleantechcrm.support.testing.ReadinessDownCheck;

/** Readiness of the command service goes DOWN without Kafka or PostgreSQL, while liveness stays UP. */
class ReadinessDownTest extends ReadinessDownCheck {

    @Override
    protected Class<?> applicationClass() {
        return CommandServiceApplication.class;
    }

    @Override
    protected String schema() {
        return "command_service_test";
    }
}
