package chat.oxpulse.edge.alerts;

/**
 * One delivery target (webhook, Telegram, Alertmanager, or an in-memory sink in tests). A sink
 * makes ONE attempt and never throws for a delivery failure: it reports it as a {@link SinkResult}
 * whose detail is free of secrets. Retrying is the pipeline's job.
 */
public interface AlertSink {

  /** A short stable name ({@code webhook}, {@code telegram}, {@code alertmanager}, …). */
  String name();

  /** Makes one delivery attempt of {@code event}'s {@link AlertEvent#message()}. */
  SinkResult deliver(AlertEvent event);
}
