package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The durable spool and the rate state: an append-only, fsync'd journal ({@code spool.journal},
 * 0600, one JSON record a line) of events accepted for delivery. An event is {@code add}ed (with a
 * lease when its sender is about to call the sinks), {@code lease}d by a redelivering sender,
 * {@code fail}ed with its attempt count and next retry time, and finally {@code ack}ed. Replay
 * keeps the order of the adds. A crash between a send and its ack leaves the event un-acked, so it
 * is redelivered once its lease expires: at least once, with at most the in-flight event
 * duplicated.
 *
 * <p>A {@code state} record carries the whole {@link AlertState} (rate limits, digest, sink
 * gates); the last readable one wins. It is appended in the same write, and under the same fsync,
 * as the spool records of the critical section that changed it, so a state change costs no file
 * rewrite, rename or directory fsync of its own.
 *
 * <p>Every append is fsync'd before the lock is released, except one that holds only {@code ack}s:
 * an ack that is written but not yet on disk survives a process crash (it is in the page cache,
 * every reader sees it) and is made durable by the next fsync'd append of the file by anyone, which
 * for a sender is at the latest its next add, lease or fail. So a power loss can repeat at most each
 * sender's last delivered event, whose lease then expires; nothing accepted can be lost, because
 * adds (and the state with its digest) are always fsync'd before any sink is called.
 *
 * <p>Used only under the state lock. When most records are settled the journal is compacted by an
 * atomic rewrite that keeps the pending events and the current state. A journal object can be kept
 * by the lock holder between critical sections and {@linkplain #refresh refreshed}: it remembers
 * the file's identity, size and last bytes, and reads only what other processes appended since.
 */
public final class Journal {

  /** The file name inside the state directory. */
  public static final String FILE = "spool.journal";

  private static final int COMPACT_AFTER = 384;
  private static final int COMPACT_WHEN_EMPTY_AFTER = 64;
  private static final long COMPACT_BYTES = 1L << 20;
  private static final int TAIL = 64;
  private static final String STATE_PREFIX = "{\"op\":\"state\"";

  /** One journal line (its JSON form: {@link JournalRecordCodec}). */
  public record Record(
      String op,
      String id,
      Json.EventJson event,
      int attempts,
      long next,
      long lease,
      String sink,
      String error,
      AlertState state) {}

  private final Path file;
  private final LinkedHashMap<String, SpoolEntry> pending;
  private final Set<String> settled;
  private final List<Record> buffered = new ArrayList<>();
  private AlertState state;
  private int records;
  private int corrupt;
  // what the file looked like after our last read or write
  private boolean exists;
  private Object fileKey;
  private long size;
  private FileTime mtime;
  private byte[] tail = new byte[0];
  private long stateBytes;

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
    byte[] bytes;
    BasicFileAttributes attrs;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
      bytes = readFully(ch, 0, ch.size());
    } catch (NoSuchFileException e) {
      return new Journal(file, pending, settled, 0, 0);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    // replay into raw records first: events are validated only for what is still pending
    LinkedHashMap<String, Raw> raw = new LinkedHashMap<>();
    List<String> stateLines = new ArrayList<>();
    int records = 0;
    int corrupt = 0;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith(STATE_PREFIX)) {
        stateLines.add(line); // only the last readable one is parsed
        records++;
        continue;
      }
      try {
        apply(JournalRecordCodec.decode(line), raw, settled);
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
    Journal j = new Journal(file, pending, settled, records, corrupt);
    j.adoptLastState(stateLines);
    j.remember(attrs, bytes.length, bytes, bytes.length);
    return j;
  }

  /**
   * This journal brought up to date with the file, for a lock holder that kept it from an earlier
   * critical section: unchanged file, the same object; appended to, the appended records applied;
   * replaced (compacted) or otherwise different, a fresh {@link #load}.
   */
  public Journal refresh() throws IOException {
    if (!buffered.isEmpty()) {
      return load(file.getParent());
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return exists ? load(file.getParent()) : this;
    }
    if (!exists
        || fileKey == null
        || !fileKey.equals(a.fileKey())
        || a.size() < size
        || (a.size() == size && !a.lastModifiedTime().equals(mtime))) {
      return load(file.getParent());
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long now = ch.size();
      if (now < size || !Arrays.equals(readFully(ch, size - tail.length, tail.length), tail)) {
        return load(file.getParent());
      }
      if (now == size) {
        return this;
      }
      byte[] added = readFully(ch, size, now - size);
      applyAppended(new String(added, StandardCharsets.UTF_8));
      remember(a, now, added, added.length);
      return this;
    } catch (NoSuchFileException e) {
      return load(file.getParent());
    }
  }

  private void applyAppended(String text) {
    List<String> stateLines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith(STATE_PREFIX)) {
        stateLines.add(line);
        records++;
        continue;
      }
      Record r;
      try {
        r = JournalRecordCodec.decode(line);
        applyLive(r);
      } catch (IOException | RuntimeException e) {
        corrupt++;
        continue;
      }
      records++;
    }
    adoptLastState(stateLines);
  }

  private void applyLive(Record r) {
    switch (r.op()) {
      case "add" -> {
        if (r.event() == null || !r.id().equals(r.event().id())) {
          throw new IllegalArgumentException("add without its event");
        }
        if (!knows(r.id())) {
          pending.put(r.id(), new SpoolEntry(r.event().toEvent(), r.attempts(), r.next(), r.lease()));
        }
      }
      case "lease" -> {
        SpoolEntry e = pending.get(r.id());
        if (e != null) {
          e.leaseUntil = r.lease();
        }
      }
      case "fail" -> {
        SpoolEntry e = pending.get(r.id());
        if (e != null) {
          e.attempts = r.attempts();
          e.nextAt = r.next();
          e.leaseUntil = 0;
        }
      }
      case "ack" -> {
        pending.remove(r.id());
        settled.add(r.id());
      }
      default -> throw new IllegalArgumentException("unknown op");
    }
  }

  private void adoptLastState(List<String> stateLines) {
    for (int i = stateLines.size() - 1; i >= 0; i--) {
      try {
        Record r = JournalRecordCodec.decode(stateLines.get(i));
        if (r.state() == null) {
          throw new IllegalArgumentException("state record without its state");
        }
        state = r.state();
        stateBytes = stateLines.get(i).length();
        return;
      } catch (IOException | RuntimeException e) {
        corrupt++; // torn: an earlier state record is the last one that was fully written
        records--;
      }
    }
  }

  private void remember(BasicFileAttributes a, long newSize, byte[] lastWritten, int lastWrittenLength) {
    exists = true;
    fileKey = a.fileKey();
    mtime = a.lastModifiedTime();
    int n = (int) Math.min(TAIL, newSize);
    byte[] t = new byte[n];
    int fromWritten = Math.min(n, lastWrittenLength);
    System.arraycopy(lastWritten, lastWrittenLength - fromWritten, t, n - fromWritten, fromWritten);
    int fromOld = n - fromWritten;
    if (fromOld > 0) {
      System.arraycopy(tail, tail.length - fromOld, t, 0, fromOld);
    }
    tail = t;
    size = newSize;
  }

  private static byte[] readFully(FileChannel ch, long from, long length) throws IOException {
    if (length > Integer.MAX_VALUE - 16) {
      throw new IOException("journal too large: " + length + " bytes");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) length);
    long pos = from;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
    return buf.position() == buf.capacity() ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
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

  /** The journal file. */
  public Path file() {
    return file;
  }

  /** The rate state of the last readable {@code state} record, or null when there is none. */
  public AlertState state() {
    return state;
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
        new Record("add", id, Json.EventJson.of(entry.event), entry.attempts, entry.nextAt, entry.leaseUntil, null, null, null));
    return true;
  }

  /** Marks the entry as held by a sender until {@code until}. */
  public void lease(SpoolEntry entry, long until) {
    entry.leaseUntil = until;
    buffered.add(new Record("lease", entry.event.id(), null, 0, 0, until, null, null, null));
  }

  /** Records a failed attempt. */
  public void fail(SpoolEntry entry, int attempts, long nextAt, String error) {
    entry.attempts = attempts;
    entry.nextAt = nextAt;
    entry.leaseUntil = 0;
    buffered.add(new Record("fail", entry.event.id(), null, attempts, nextAt, 0, null, error, null));
  }

  /** Records a delivery. */
  public void ack(String id, String sink) {
    pending.remove(id);
    settled.add(id);
    buffered.add(new Record("ack", id, null, 0, 0, 0, sink, null, null));
  }

  /**
   * Writes the buffered records, then {@code current} when {@code stateChanged}, with one append
   * and one fsync; compacts instead when most records are settled (the compacted journal always
   * carries {@code current}).
   *
   * @return true when the journal was compacted (rewritten)
   */
  public boolean flush(AlertState current, boolean stateChanged) throws IOException {
    state = current;
    AlertState newState = stateChanged ? current : null;
    if (buffered.isEmpty() && newState == null) {
      return false;
    }
    records += buffered.size() + (newState != null ? 1 : 0);
    boolean mostlySettled = records >= COMPACT_AFTER && pending.size() * 4 < records;
    boolean allSettled = pending.isEmpty() && records >= COMPACT_WHEN_EMPTY_AFTER;
    // a large digest makes every state record large: rewrite before superseded ones pile up
    boolean bloated = size > COMPACT_BYTES && size > 4 * (stateBytes + 512L * pending.size());
    if (mostlySettled || allSettled || bloated) {
      buffered.clear();
      compact();
      return true;
    }
    // acks alone are not fsync'd: see the class comment
    boolean sync = newState != null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Record r : buffered) {
      out.write(JournalRecordCodec.encode(r));
      out.write('\n');
      sync |= !"ack".equals(r.op());
    }
    buffered.clear();
    if (newState != null) {
      byte[] line = JournalRecordCodec.encode(stateRecord(newState));
      out.write(line);
      out.write('\n');
      stateBytes = line.length;
    }
    byte[] bytes = out.toByteArray();
    long newSize = AppendFile.append(file, bytes, FileMode.SECRET, sync);
    remember(Files.readAttributes(file, BasicFileAttributes.class), newSize, bytes, bytes.length);
    return false;
  }

  private static Record stateRecord(AlertState s) {
    return new Record("state", null, null, 0, 0, 0, null, null, s);
  }

  private void compact() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = 0;
    for (SpoolEntry e : pending.values()) {
      Record r = new Record("add", e.event.id(), Json.EventJson.of(e.event), e.attempts, e.nextAt, e.leaseUntil, null, null, null);
      out.write(JournalRecordCodec.encode(r));
      out.write('\n');
      n++;
    }
    if (state != null) {
      byte[] line = JournalRecordCodec.encode(stateRecord(state));
      out.write(line);
      out.write('\n');
      stateBytes = line.length;
      n++;
    }
    byte[] bytes = out.toByteArray();
    AtomicFileWriter.write(file, bytes, FileMode.SECRET);
    settled.clear();
    records = n;
    corrupt = 0;
    tail = new byte[0];
    remember(Files.readAttributes(file, BasicFileAttributes.class), bytes.length, bytes, bytes.length);
  }
}
