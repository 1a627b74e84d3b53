package chat.oxpulse.edge.ops.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Splits a whole HTTP/1.x answer, read to the end of its connection, into the status code and the
 * body: chunked transfer coding is decoded, a {@code Content-Length} is enforced (a short body is an
 * error, extra bytes are ignored), and without either the body runs to the end.
 */
final class HttpAnswer {

  private HttpAnswer() {}

  static EngineHttpGet.Response parse(byte[] raw, int maxBody) throws IOException {
    int headerEnd = indexOf(raw, 0, "\r\n\r\n");
    if (headerEnd < 0) {
      throw new IOException("docker engine answer has no complete header (" + raw.length + " bytes)");
    }
    String head = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    int status = statusCode(lines[0]);
    boolean chunked = false;
    long contentLength = -1;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new IOException("docker engine answer has a malformed header line " + (i + 1));
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equals("transfer-encoding")) {
        chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
      } else if (name.equals("content-length")) {
        try {
          contentLength = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new IOException("docker engine answer has a bad Content-Length", e);
        }
      }
    }
    int bodyStart = headerEnd + 4;
    byte[] body;
    if (chunked) {
      body = dechunk(raw, bodyStart, maxBody);
    } else if (contentLength >= 0) {
      if (contentLength > maxBody) {
        throw new IOException("docker engine answer exceeds " + maxBody + " bytes");
      }
      if (raw.length - bodyStart < contentLength) {
        throw new IOException("docker engine answer ended after " + (raw.length - bodyStart) + " of "
            + contentLength + " body bytes");
      }
      body = java.util.Arrays.copyOfRange(raw, bodyStart, bodyStart + (int) contentLength);
    } else {
      body = java.util.Arrays.copyOfRange(raw, bodyStart, raw.length);
    }
    if (body.length > maxBody) {
      throw new IOException("docker engine answer exceeds " + maxBody + " bytes");
    }
    return new EngineHttpGet.Response(status, body);
  }

  private static int statusCode(String statusLine) throws IOException {
    // HTTP/1.1 200 OK
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
      throw new IOException("docker engine did not answer in HTTP/1.x");
    }
    String code = statusLine.substring(9, 12);
    if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IOException("docker engine answer has no status code");
    }
    return Integer.parseInt(code);
  }

  private static byte[] dechunk(byte[] raw, int from, int maxBody) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = from;
    while (true) {
      int eol = indexOf(raw, pos, "\r\n");
      if (eol < 0) {
        throw new IOException("docker engine answer ended inside a chunk header");
      }
      String sizeField = new String(raw, pos, eol - pos, StandardCharsets.ISO_8859_1);
      int semi = sizeField.indexOf(';'); // chunk extensions are ignored
      String hex = (semi < 0 ? sizeField : sizeField.substring(0, semi)).trim();
      if (hex.isEmpty() || hex.length() > 7 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new IOException("docker engine answer has a bad chunk size");
      }
      int size = Integer.parseInt(hex, 16);
      pos = eol + 2;
      if (size == 0) {
        return out.toByteArray(); // trailers, if any, are ignored
      }
      if (out.size() + (long) size > maxBody) {
        throw new IOException("docker engine answer exceeds " + maxBody + " bytes");
      }
      if (raw.length - pos < size + 2) {
        throw new IOException("docker engine answer ended inside a chunk");
      }
      out.write(raw, pos, size);
      pos += size;
      if (raw[pos] != '\r' || raw[pos + 1] != '\n') {
        throw new IOException("docker engine answer has a chunk without its CRLF");
      }
      pos += 2;
    }
  }

  private static int indexOf(byte[] a, int from, String ascii) {
    int n = ascii.length();
    outer:
    for (int i = from; i <= a.length - n; i++) {
      for (int j = 0; j < n; j++) {
        if (a[i + j] != ascii.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
