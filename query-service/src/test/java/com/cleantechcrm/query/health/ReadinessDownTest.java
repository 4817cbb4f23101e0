package com.cleantechcrm.query.health;

import com.cleantechcrm.query.QueryServiceApplication;
import com.cleantechcrm.support.testing.ReadinessDownCheck;

/** Readiness of the query service goes DOWN without Kafka or PostgreSQL, while liveness stays UP. */
class ReadinessDownTest extends ReadinessDownCheck {

    @Override
    protected Class<?> applicationClass() {
        return QueryServiceApplication.class;
    }

    @Override
    protected String schema() {
        return "query_service_test";
    }
}
