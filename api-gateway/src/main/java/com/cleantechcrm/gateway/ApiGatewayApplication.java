package com.cleantechcrm.gateway;

import com.cleantechcrm.gateway.cli.KeyCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/**
 * The API gateway. Started with {@code key ...} arguments it runs the operator command line instead of the web
 * server.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class ApiGatewayApplication {

    public static void main(String[] args) {
        if (KeyCommandLine.isKeyCommand(args)) {
            System.exit(KeyCommandLine.runFromMain(args));
        }
        SpringApplication.run(ApiGatewayApplication.class, args);
    }
}
