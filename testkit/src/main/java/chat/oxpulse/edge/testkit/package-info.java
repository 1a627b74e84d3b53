/**
 * Fakes of the Docker Engine, Caddy, Telegram, the webhook and the oxpulse backend, JUnit 5 extensions, and launchers for the real Caddy and a private dockerd, for downstream test suites.
 */
package chat.oxpulse.edge.testkit;
