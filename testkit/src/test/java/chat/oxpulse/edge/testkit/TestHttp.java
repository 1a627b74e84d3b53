package chat.oxpulse.edge.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny blocking HTTP client for the testkit's own tests. */
public final class TestHttp {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private TestHttp() {}

  public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  public static HttpResponse<String> get(URI uri, String header, String value) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).header(header, value).GET());
  }

  public static HttpResponse<String> post(URI uri, String contentType, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public static HttpResponse<String> post(URI uri, String contentType, String body, String header, String value)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType).header(header, value)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return CLIENT.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
