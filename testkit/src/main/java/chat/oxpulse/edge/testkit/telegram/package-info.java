/** A fake of the Telegram Bot API's {@code sendMessage}: records messages, scripts failures. */
package chat.oxpulse.edge.testkit.telegram;
