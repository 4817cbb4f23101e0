package com.cleantechcrm.gateway.web;

import com.cleantechcrm.gateway.routing.RouteAccessFilter;
import com.cleantechcrm.gateway.routing.RouteTable;
import com.cleantechcrm.gateway.security.GatewayErrors;
import com.cleantechcrm.gateway.usage.UsageRecorder;
import com.cleantechcrm.support.web.HttpLimitsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the gateway's servlet filters in the order {@link GatewayFilterOrder} gives. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GatewayFilterConfiguration {

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter(UsageRecorder usageRecorder) {
        FilterRegistrationBean<RequestLogFilter> registration =
                new FilterRegistrationBean<>(new RequestLogFilter(usageRecorder));
        registration.setOrder(GatewayFilterOrder.REQUEST_LOG);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RouteAccessFilter> routeAccessFilter(RouteTable routeTable, GatewayErrors errors) {
        FilterRegistrationBean<RouteAccessFilter> registration =
                new FilterRegistrationBean<>(new RouteAccessFilter(routeTable, errors));
        registration.setOrder(GatewayFilterOrder.ROUTE_ACCESS);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyBufferingFilter> requestBodyBufferingFilter(
            HttpLimitsProperties limits, GatewayErrors errors) {
        FilterRegistrationBean<RequestBodyBufferingFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyBufferingFilter(limits.maxBodyBytes().toBytes(), errors));
        registration.setOrder(GatewayFilterOrder.BODY_BUFFERING);
        return registration;
    }
}
