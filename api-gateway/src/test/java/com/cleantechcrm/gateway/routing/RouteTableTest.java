package com.cleantechcrm.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.cleantechcrm.gateway.apikey.ApiScope;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RouteTableTest {

    private final RouteTable table = new RouteTable();

    private GatewayRoute found(HttpMethod method, String path) {
        RouteMatch match = table.resolve(method, path);
        assertThat(match).as("%s %s", method, path).isInstanceOf(RouteMatch.Found.class);
        return ((RouteMatch.Found) match).route();
    }

    @Test
    void routesMatchTheApi() {
        assertThat(RouteTable.ROUTES).hasSize(20);
        assertThat(found(POST, "/leads").target()).isEqualTo(DownstreamService.COMMAND);
        assertThat(found(GET, "/leads").target()).isEqualTo(DownstreamService.QUERY);
        assertThat(found(GET, "/leads/stats/growth").scope()).isEqualTo(ApiScope.STATS_READ);
        assertThat(found(GET, "/leads/123").pattern()).isEqualTo("/leads/{id}");
        assertThat(found(GET, "/leads/123/history").scope()).isEqualTo(ApiScope.LEADS_READ);
        assertThat(found(PUT, "/leads/123/compliance").target()).isEqualTo(DownstreamService.COMMAND);
        assertThat(found(PUT, "/leads/123/procurement").scope()).isEqualTo(ApiScope.LEADS_WRITE);
        assertThat(found(POST, "/leads/123/lifecycle").scope()).isEqualTo(ApiScope.LEADS_WRITE);
        assertThat(found(PUT, "/leads/123/deal-value").scope()).isEqualTo(ApiScope.LEADS_WRITE);
        assertThat(found(POST, "/leads/123/playbook").scope()).isEqualTo(ApiScope.LEADS_WRITE);
        GatewayRoute rebuild = found(POST, "/admin/read-models/rebuild");
        assertThat(rebuild.scope()).isEqualTo(ApiScope.ADMIN);
        assertThat(rebuild.target()).isEqualTo(DownstreamService.QUERY);
        GatewayRoute rebuildStatus = found(GET, "/admin/read-models/rebuild/status");
        assertThat(rebuildStatus.scope()).isEqualTo(ApiScope.ADMIN);
        assertThat(rebuildStatus.target()).isEqualTo(DownstreamService.QUERY);
        GatewayRoute usage = found(GET, "/usage");
        assertThat(usage.scope()).isEqualTo(ApiScope.ADMIN);
        assertThat(usage.target()).isEqualTo(DownstreamService.GATEWAY);
    }

    @Test
    void gatewayServesKeyManagement() {
        assertThat(found(POST, "/admin/api-keys").pattern()).isEqualTo("/admin/api-keys");
        assertThat(found(GET, "/admin/api-keys").pattern()).isEqualTo("/admin/api-keys");
        assertThat(found(GET, "/admin/api-keys/events").pattern()).isEqualTo("/admin/api-keys/events");
        assertThat(found(GET, "/admin/api-keys/123").pattern()).isEqualTo("/admin/api-keys/{id}");
        assertThat(found(POST, "/admin/api-keys/123/rotate").pattern()).isEqualTo("/admin/api-keys/{id}/rotate");
        assertThat(found(POST, "/admin/api-keys/123/revoke").pattern()).isEqualTo("/admin/api-keys/{id}/revoke");
        assertThat(found(PUT, "/admin/api-keys/123/expiry").pattern()).isEqualTo("/admin/api-keys/{id}/expiry");
        for (GatewayRoute route : RouteTable.ROUTES) {
            if (route.pattern().startsWith("/admin/api-keys")) {
                assertThat(route.scope()).as(route.toString()).isEqualTo(ApiScope.ADMIN);
                assertThat(route.target()).as(route.toString()).isEqualTo(DownstreamService.GATEWAY);
            }
        }
    }

    @Test
    void writesGoToCommandService() {
        for (GatewayRoute route : RouteTable.ROUTES) {
            if (!route.target().isForwarded()) {
                continue;
            }
            boolean isRead = route.method() == GET || route.scope() == ApiScope.ADMIN;
            assertThat(route.target())
                    .as(route.toString())
                    .isEqualTo(isRead ? DownstreamService.QUERY : DownstreamService.COMMAND);
        }
    }

    @Test
    void unknownPathsAreNotFound() {
        assertThat(table.resolve(GET, "/")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.resolve(GET, "/lead")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.resolve(GET, "/leads/1/2")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.resolve(POST, "/admin")).isInstanceOf(RouteMatch.NotFound.class);
    }

    @Test
    void wrongMethodListsAllowedMethods() {
        RouteMatch onLeads = table.resolve(HttpMethod.DELETE, "/leads");
        RouteMatch onStats = table.resolve(POST, "/leads/stats/growth");
        RouteMatch onEvents = table.resolve(POST, "/admin/api-keys/events");

        assertThat(onLeads).isEqualTo(new RouteMatch.MethodNotAllowed(java.util.Set.of(POST, GET)));
        assertThat(onStats).isEqualTo(new RouteMatch.MethodNotAllowed(java.util.Set.of(GET)));
        assertThat(onEvents).isEqualTo(new RouteMatch.MethodNotAllowed(java.util.Set.of(GET)));
    }
}
