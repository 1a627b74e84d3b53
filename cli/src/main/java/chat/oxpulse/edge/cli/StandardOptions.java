package chat.oxpulse.edge.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h/--help} and {@code -V/--version} for the commands whose model is built in code rather
 * than from annotations. They print and behave as picocli's {@code mixinStandardHelpOptions}, which
 * would itself reflect over an annotated mixin: on the minute-by-minute health tick, annotation
 * parsing (one generated proxy class per annotation type) was the largest part of start-up.
 */
final class StandardOptions {

  private StandardOptions() {}

  /** Adds the two options and the version provider to {@code spec}; returns it. */
  static CommandSpec addTo(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    spec.versionProvider(new VersionProvider());
    return spec;
  }

  /** True when {@code spec} already has the standard options, by annotation or by {@link #addTo}. */
  static boolean present(CommandSpec spec) {
    return spec.mixinStandardHelpOptions() || spec.findOption("--help") != null;
  }
}
