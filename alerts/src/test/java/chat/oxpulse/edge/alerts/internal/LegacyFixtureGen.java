package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyFixtureGen {
  @Test
  void gen() throws Exception {
    Path out = Path.of("src/test/resources/legacy-json");
    Files.createDirectories(out);
    AlertEvent a = new AlertEvent("ev-1", "caddy.down", Severity.values()[Severity.values().length-1], "edge-1.example",
        "quote \" backslash \\ newline\n tab\t <b>&amp;</b> $(rm -rf) {braces} юникод 😀 \u0001 \u007f \u2028",
        Instant.parse("2026-11-27T15:00:00.123456789Z"));
    AlertEvent b = new AlertEvent("ev:2.x_y", "k", Severity.values()[1], "", "plain", Instant.ofEpochSecond(0));
    AlertEvent c = new AlertEvent("ev-3", "k3", Severity.values()[0], "h", "x".repeat(300), Instant.parse("2026-01-01T00:00:00Z"));
    AlertState st = new AlertState();
    st.lastSent.put("caddy.down", 1_700_000_000_123L);
    st.lastSent.put("k \"q\"", 5L);
    st.sendsPerSecond.put(1_700_000_000L, 3);
    st.sendsPerSecond.put(1_700_000_001L, 1);
    st.transitions.add(1L);
    st.transitions.add(Long.MAX_VALUE);
    st.digest.add(Json.EventJson.of(a));
    st.digest.add(Json.EventJson.of(b));
    st.blockedUntil.put("telegram", 1_700_000_100_000L);
    List<Journal.Record> recs = new ArrayList<>();
    recs.add(new Journal.Record("add", a.id(), Json.EventJson.of(a), 0, 0, 0, null, null, null));
    recs.add(new Journal.Record("add", b.id(), Json.EventJson.of(b), 2, 1_700_000_000_999L, 77, null, null, null));
    recs.add(new Journal.Record("add", c.id(), Json.EventJson.of(c), 0, 0, 0, null, null, null));
    recs.add(new Journal.Record("lease", a.id(), null, 0, 0, 1_700_000_060_000L, null, null, null));
    recs.add(new Journal.Record("fail", a.id(), null, 3, 1_700_000_090_000L, 0, null, "HTTP 502 \"bad\"\n<x>", null));
    recs.add(new Journal.Record("fail", b.id(), null, 1, 5, 0, null, "", null));
    recs.add(new Journal.Record("fail", b.id(), null, 1, 5, 0, null, null, null));
    recs.add(new Journal.Record("ack", c.id(), null, 0, 0, 0, "telegram", null, null));
    recs.add(new Journal.Record("ack", b.id(), null, 0, 0, 0, "", null, null));
    recs.add(new Journal.Record("state", null, null, 0, 0, 0, null, null, st));
    recs.add(new Journal.Record("state", null, null, 0, 0, 0, null, null, new AlertState()));
    java.io.ByteArrayOutputStream sb = new java.io.ByteArrayOutputStream();
    for (Journal.Record r : recs) {
      sb.write(Json.MAPPER.writeValueAsBytes(r));
      sb.write('\n');
    }
    Files.write(out.resolve("journal.jsonl"), sb.toByteArray());
    Files.write(out.resolve("alert-state.json"), Json.MAPPER.writeValueAsBytes(st));
    Files.write(out.resolve("alert-state-empty.json"), Json.MAPPER.writeValueAsBytes(new AlertState()));
    BreakerState br = new BreakerState();
    br.state = "open";
    br.reason = "cascade";
    br.openedAt = 1_700_000_000_000L;
    br.lastNoticeAt = 1_700_000_000_500L;
    br.lastTransitionAt = 1_700_000_000_600L;
    br.parked = 42;
    br.parkedKeys.add("a\"b");
    br.parkedKeys.add("ключ");
    br.allDown = true;
    br.upstreamsTotal = 4;
    br.upstreamsDown = 3;
    Files.write(out.resolve("breaker.json"), Json.MAPPER.writeValueAsBytes(br));
    Files.write(out.resolve("breaker-default.json"), Json.MAPPER.writeValueAsBytes(new BreakerState()));
    Files.write(out.resolve("drop.json"), Json.MAPPER.writeValueAsBytes(new IncomingSpool.DropJson(Json.EventJson.of(a), true)));
    Files.write(out.resolve("drop-noforce.json"), Json.MAPPER.writeValueAsBytes(new IncomingSpool.DropJson(Json.EventJson.of(b), false)));
    Map<String, Object> tg = new LinkedHashMap<>();
    tg.put("chat_id", -1001234567890L);
    tg.put("text", a.message());
    tg.put("parse_mode", "HTML");
    tg.put("disable_web_page_preview", true);
    Files.write(out.resolve("telegram-numeric.json"), Json.MAPPER.writeValueAsBytes(tg));
    tg.put("chat_id", "@chan\"nel");
    Files.write(out.resolve("telegram-named.json"), Json.MAPPER.writeValueAsBytes(tg));
    Files.write(out.resolve("webhook.json"), Json.MAPPER.writeValueAsBytes(Map.of("message", a.message())));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", "OxpulseEdgeAlert");
    labels.put("key", a.key());
    labels.put("severity", a.severity().label());
    labels.put("instance", a.host());
    labels.put("event_id", a.id());
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", labels);
    alert.put("annotations", Map.of("summary", a.message()));
    alert.put("startsAt", a.time().toString());
    Files.write(out.resolve("alertmanager.json"), Json.MAPPER.writeValueAsBytes(List.of(alert)));
  }
}
