import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A stand-in for the services behind the gateway that does no work: every request gets 200 and a small JSON body.
 * Run with {@code java -Dsun.net.httpserver.nodelay=true TrivialService.java PORT}; it listens on 127.0.0.1 until it is killed.
 */
public class TrivialService {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        byte[] body = "{\"items\":[],\"next_cursor\":null}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(body);
            }
        });
        server.start();
        System.out.println("Trivial service listening on 127.0.0.1:" + port);
    }
}
