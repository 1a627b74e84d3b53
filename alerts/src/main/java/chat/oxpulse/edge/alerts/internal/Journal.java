package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The durable spool: an append-only, fsync'd journal ({@code spool.journal}, 0600, one JSON record
 * a line) of events accepted for delivery. An event is {@code add}ed (with a lease when its sender
 * is about to call the sinks), {@code lease}d by a redelivering sender, {@code fail}ed with its
 * attempt count and next retry time, and finally {@code ack}ed. Replay keeps the order of the
 * adds. A crash between a send and its ack leaves the event un-acked, so it is redelivered once its
 * lease expires: at least once, with at most the in-flight event duplicated.
 *
 * <p>Used only under the state lock. When most records are settled the journal is compacted by an
 * atomic rewrite that keeps the pending events.
 */
public final class Journal {

  /** The file name inside the state directory. */
  public static final String FILE = "spool.journal";

  private static final int COMPACT_AFTER = 256;
  private static final int COMPACT_WHEN_EMPTY_AFTER = 32;

  /** One journal line. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Record(
      String op,
      String id,
      Json.EventJson event,
      int attempts,
      long next,
      long lease,
      String sink,
      String error) {}

  private final Path file;
  private final LinkedHashMap<String, SpoolEntry> pending;
  private final Set<String> settled;
  private final List<Record> buffered = new ArrayList<>();
  private int records;
  private int corrupt;

  private Journal(Path file, LinkedHashMap<String, SpoolEntry> pending, Set<String> settled, int records, int corrupt) {
    this.file = file;
    this.pending = pending;
    this.settled = settled;
    this.records = records;
    this.corrupt = corrupt;
  }

  /** Replays the journal in {@code dir}; a missing file is an empty spool. */
  public static Journal load(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    LinkedHashMap<String, SpoolEntry> pending = new LinkedHashMap<>();
    Set<String> settled = new HashSet<>();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Journal(file, pending, settled, 0, 0);
    }
    // replay into raw records first: events are validated only for what is still pending
    LinkedHashMap<String, Raw> raw = new LinkedHashMap<>();
    int records = 0;
    int corrupt = 0;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        apply(Json.MAPPER.readValue(line, Record.class), raw, settled);
      } catch (IOException | RuntimeException e) {
        corrupt++; // a line torn by a crash: only that line is lost, never a later one
        continue;
      }
      records++;
    }
    for (Raw r : raw.values()) {
      try {
        pending.put(r.event.id(), new SpoolEntry(r.event.toEvent(), r.attempts, r.next, r.lease));
      } catch (RuntimeException e) {
        corrupt++;
      }
    }
    return new Journal(file, pending, settled, records, corrupt);
  }

  private static final class Raw {
    final Json.EventJson event;
    int attempts;
    long next;
    long lease;

    Raw(Record r) {
      this.event = r.event();
      this.attempts = r.attempts();
      this.next = r.next();
      this.lease = r.lease();
    }
  }

  private static void apply(Record r, Map<String, Raw> pending, Set<String> settled) {
    switch (r.op()) {
      case "add" -> {
        if (r.event() == null || !r.id().equals(r.event().id())) {
          throw new IllegalArgumentException("add without its event");
        }
        if (!pending.containsKey(r.id()) && !settled.contains(r.id())) {
          pending.put(r.id(), new Raw(r));
        }
      }
      case "lease" -> {
        Raw e = pending.get(r.id());
        if (e != null) {
          e.lease = r.lease();
        }
      }
      case "fail" -> {
        Raw e = pending.get(r.id());
        if (e != null) {
          e.attempts = r.attempts();
          e.next = r.next();
          e.lease = 0;
        }
      }
      case "ack" -> {
        pending.remove(r.id());
        settled.add(r.id());
      }
      default -> throw new IllegalArgumentException("unknown op");
    }
  }

  /** True when the id is pending or was acknowledged since the last compaction. */
  public boolean knows(String id) {
    return pending.containsKey(id) || settled.contains(id);
  }

  /** The pending events in order. */
  public Collection<SpoolEntry> pending() {
    return pending.values();
  }

  /** The pending entry for {@code id}, or null. */
  public SpoolEntry get(String id) {
    return pending.get(id);
  }

  /** Lines that could not be read (torn by a crash). */
  public int corruptLines() {
    return corrupt;
  }

  /** Adds an event (buffered until {@link #flush}); a known id is ignored. */
  public boolean add(SpoolEntry entry) {
    String id = entry.event.id();
    if (knows(id)) {
      return false;
    }
    pending.put(id, entry);
    buffered.add(
        new Record("add", id, Json.EventJson.of(entry.event), entry.attempts, entry.nextAt, entry.leaseUntil, null, null));
    return true;
  }

  /** Marks the entry as held by a sender until {@code until}. */
  public void lease(SpoolEntry entry, long until) {
    entry.leaseUntil = until;
    buffered.add(new Record("lease", entry.event.id(), null, 0, 0, until, null, null));
  }

  /** Records a failed attempt. */
  public void fail(SpoolEntry entry, int attempts, long nextAt, String error) {
    entry.attempts = attempts;
    entry.nextAt = nextAt;
    entry.leaseUntil = 0;
    buffered.add(new Record("fail", entry.event.id(), null, attempts, nextAt, 0, null, error));
  }

  /** Records a delivery. */
  public void ack(String id, String sink) {
    pending.remove(id);
    settled.add(id);
    buffered.add(new Record("ack", id, null, 0, 0, 0, sink, null));
  }

  /** Writes the buffered records with one append and one fsync; compacts when mostly settled. */
  public void flush() throws IOException {
    if (buffered.isEmpty()) {
      return;
    }
    records += buffered.size();
    boolean mostlySettled = records >= COMPACT_AFTER && pending.size() * 4 < records;
    boolean allSettled = pending.isEmpty() && records >= COMPACT_WHEN_EMPTY_AFTER;
    if (mostlySettled || allSettled) {
      buffered.clear();
      compact();
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Record r : buffered) {
      out.write(Json.MAPPER.writeValueAsBytes(r));
      out.write('\n');
    }
    buffered.clear();
    AppendFile.append(file, out.toByteArray(), FileMode.SECRET);
  }

  private void compact() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SpoolEntry e : pending.values()) {
      Record r = new Record("add", e.event.id(), Json.EventJson.of(e.event), e.attempts, e.nextAt, e.leaseUntil, null, null);
      out.write(Json.MAPPER.writeValueAsBytes(r));
      out.write('\n');
    }
    AtomicFileWriter.write(file, out.toByteArray(), FileMode.SECRET);
    settled.clear();
    records = pending.size();
    corrupt = 0;
  }
}
