/** A fake of the alert webhook receiver: {@code POST {"message": ...}}, recorded and scriptable. */
package chat.oxpulse.edge.testkit.webhook;
