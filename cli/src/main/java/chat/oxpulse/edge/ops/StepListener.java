package chat.oxpulse.edge.ops;

import java.time.Duration;

/** Receives the progress of a multi-step flow (install, uninstall); the CLI prints it. */
public interface StepListener {

  /** Step {@code n} of {@code total} begins. */
  void started(int n, int total, String title);

  /** Step {@code n} ended; {@code detail} is one line for the operator. */
  void finished(int n, int total, String title, Duration took, String detail);

  /** A note inside the current step (a skip, a warning, a plan line). */
  void note(String text);

  /** A listener that ignores everything. */
  static StepListener silent() {
    return new StepListener() {
      @Override
      public void started(int n, int total, String title) {}

      @Override
      public void finished(int n, int total, String title, Duration took, String detail) {}

      @Override
      public void note(String text) {}
    };
  }
}
