package com.cleantechcrm.gateway.cli;

import com.cleantechcrm.gateway.ApiGatewayApplication;
import com.cleantechcrm.gateway.apikey.ApiKeyService;
import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import java.io.PrintStream;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator command line of the gateway jar: {@code key create --org NAME --scopes LIST [--name LABEL]}. It runs
 * without the web server, migrates the database, creates the organisation if needed and the key, and prints the key
 * alone on the last line of standard output. Exit codes: 0 on success, 1 when creating the key failed, 2 for invalid
 * arguments.
 */
public final class KeyCommandLine {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    static final String USAGE = "Usage: java -jar api-gateway.jar key create --org NAME --scopes SCOPE[,SCOPE...]"
            + " [--name LABEL] (scopes: " + String.join(", ", ApiScope.allValues()) + ")";

    private KeyCommandLine() {}

    public static boolean isKeyCommand(String[] args) {
        return args.length > 0 && args[0].equals("key");
    }

    /** Runs the command for {@code main}, sending every log line to standard error. */
    public static int runFromMain(String[] args) {
        System.setProperty("logging.config", "classpath:logback-cli.xml");
        return run(args, System.out, System.err);
    }

    /**
     * Runs the command.
     *
     * @param springArguments extra Spring Boot arguments such as {@code --spring.datasource.url=...}, which take
     *     precedence over {@code application.yml}
     */
    public static int run(String[] args, PrintStream out, PrintStream err, String... springArguments) {
        KeyCreateArguments arguments;
        try {
            arguments = KeyCreateArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + " " + USAGE);
            return EXIT_USAGE;
        }

        CreatedApiKey created;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ApiGatewayApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(springArguments)) {
            created = context.getBean(ApiKeyService.class)
                    .create(arguments.organizationName(), arguments.keyName(), arguments.scopes(), null);
        } catch (RuntimeException e) {
            err.println("Failed to create the API key for organization '" + arguments.organizationName() + "': " + e);
            return EXIT_FAILED;
        }

        String scopes = arguments.scopes().stream().map(ApiScope::value).collect(Collectors.joining(","));
        out.println("Created API key " + created.apiKey().id() + " named '" + arguments.keyName()
                + "' for organization '" + created.organization().name() + "' ("
                + created.organization().id()
                + ") with scopes " + scopes + ". The key is shown only once:");
        out.println(created.key());
        out.flush();
        return EXIT_OK;
    }
}
