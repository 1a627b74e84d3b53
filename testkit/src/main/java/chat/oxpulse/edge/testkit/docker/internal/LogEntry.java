package chat.oxpulse.edge.testkit.docker.internal;

import chat.oxpulse.edge.testkit.docker.DockerLogStream;
import java.time.Instant;

/** One line a fake container wrote. */
record LogEntry(Instant time, DockerLogStream stream, String text) {}
