/**
 * Caddy for tests: {@link chat.oxpulse.edge.testkit.caddy.FakeCaddy} (the admin API, metrics and
 * upstream health, scriptable), {@link chat.oxpulse.edge.testkit.caddy.RealCaddy} (the installed
 * caddy on loopback ports), and {@link chat.oxpulse.edge.testkit.caddy.CaddyAdminCompatibilityKit},
 * the one suite both must pass.
 */
package chat.oxpulse.edge.testkit.caddy;
