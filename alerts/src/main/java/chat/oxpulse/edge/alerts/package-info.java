/**
 * Alert events and their delivery: webhook, Telegram Bot API and Alertmanager sinks, rate limiting, a cross-process lock, a circuit breaker and a durable spool.
 */
package chat.oxpulse.edge.alerts;
