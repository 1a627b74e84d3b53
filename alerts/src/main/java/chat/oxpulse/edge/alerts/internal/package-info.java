/**
 * Not API. The alert pipeline's machinery: the state and breaker file codecs, the append-only spool
 * journal, the lock-free incoming drop box, rate limiting and digests, the circuit breaker logic,
 * Telegram text escaping and splitting, and secret redaction.
 */
package chat.oxpulse.edge.alerts.internal;
