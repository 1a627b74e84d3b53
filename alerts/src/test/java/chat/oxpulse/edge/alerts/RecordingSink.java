package chat.oxpulse.edge.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An in-memory sink that records what it was given; scripted results, then {@code dflt}. */
final class RecordingSink implements AlertSink {
  private final String name;
  private final Deque<SinkResult> script = new ArrayDeque<>();
  private volatile SinkResult dflt = SinkResult.delivered("ok");
  final List<AlertEvent> received = new ArrayList<>();

  RecordingSink(String name) {
    this.name = name;
  }

  RecordingSink then(SinkResult r) {
    script.add(r);
    return this;
  }

  RecordingSink always(SinkResult r) {
    dflt = r;
    return this;
  }

  List<String> texts() {
    synchronized (received) {
      return received.stream().map(AlertEvent::text).toList();
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SinkResult deliver(AlertEvent event) {
    synchronized (received) {
      received.add(event);
    }
    SinkResult r = script.poll();
    return r != null ? r : dflt;
  }
}
