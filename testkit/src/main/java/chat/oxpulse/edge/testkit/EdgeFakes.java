package chat.oxpulse.edge.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns on {@link EdgeFakesExtension} for a test class: parameters and null instance fields whose
 * type is a {@link Fake} (e.g. {@code FakeCaddy}, {@code FakeTelegram}, {@code FakeWebhook}, {@code
 * FakeBackend}) or {@link chat.oxpulse.edge.core.layout.EdgeLayout} get a fresh, started instance
 * per test, closed after it.
 *
 * <pre>{@code
 * @EdgeFakes
 * class AlertDeliveryTest {
 *   @Test
 *   void falls_back_to_telegram(FakeWebhook webhook, FakeTelegram telegram, EdgeLayout layout) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EdgeFakesExtension.class)
public @interface EdgeFakes {}
