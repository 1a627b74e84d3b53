package chat.oxpulse.edge.testkit.docker.internal;

import java.util.List;
import java.util.SplittableRandom;

/** dockerd-style generated names such as {@code eager_turing}. */
final class NameGenerator {

  private static final List<String> LEFT =
      List.of("admiring", "brave", "clever", "eager", "focused", "gallant", "happy", "keen", "quirky", "zen");
  private static final List<String> RIGHT =
      List.of("babbage", "curie", "darwin", "euler", "hopper", "lovelace", "noether", "shannon", "turing", "wozniak");

  private NameGenerator() {}

  static String name(SplittableRandom random) {
    return LEFT.get(random.nextInt(LEFT.size())) + "_" + RIGHT.get(random.nextInt(RIGHT.size()))
        + random.nextInt(100);
  }
}
