/**
 * The HTTP sinks: the reference webhook, the Telegram Bot API ({@code sendMessage}, HTML, split,
 * {@code retry_after}) and Alertmanager v2, all over one shared OkHttp client owned by {@link
 * chat.oxpulse.edge.alerts.http.HttpSinks}. No sink ever puts the bot token in a result, a log line
 * or an exception message.
 */
package chat.oxpulse.edge.alerts.http;
