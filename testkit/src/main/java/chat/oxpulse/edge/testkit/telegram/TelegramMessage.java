package chat.oxpulse.edge.testkit.telegram;

/**
 * A message {@link FakeTelegram} accepted and "delivered".
 *
 * @param messageId the id the fake answered with
 * @param chatId the {@code chat_id} as sent
 * @param text the {@code text} as sent
 * @param parseMode the {@code parse_mode}, or null
 */
public record TelegramMessage(long messageId, String chatId, String text, String parseMode) {}
