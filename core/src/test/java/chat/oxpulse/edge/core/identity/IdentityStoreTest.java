package chat.oxpulse.edge.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.FakeClock;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reuse, generate, refuse partial, rotate with backup, AWG re-derivation, backup and restore. */
class IdentityStoreTest {

  static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  @TempDir Path tmp;
  EdgeLayout layout;
  IdentityStore store;

  @BeforeEach
  void setUp() {
    layout = EdgeLayout.of(tmp.resolve("etc"), tmp.resolve("state"));
    store = new IdentityStore(layout, new FakeClock(NOW), new SecureRandom());
  }

  static String read(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  static Set<PosixFilePermission> mode(Path p) throws Exception {
    return Files.getPosixFilePermissions(p);
  }

  /** name → (bytes, mode) of every regular file in a directory. */
  static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p)) {
          out.put(p.getFileName().toString(), read(p) + "|" + mode(p));
        }
      }
    }
    return out;
  }

  // ---- Reality -------------------------------------------------------------------------------

  @Test
  void no_identity_generates_three_files_with_modes_and_trailing_newlines() throws Exception {
    RealityIdentity id = store.ensureReality(false);
    assertThat(read(layout.realityPrivateKey())).isEqualTo(id.privateKey().reveal() + "\n");
    assertThat(read(layout.realityPublicKey())).isEqualTo(id.publicKey() + "\n");
    assertThat(read(layout.realityUuid())).isEqualTo(id.uuid() + "\n");
    assertThat(mode(layout.realityPrivateKey())).isEqualTo(FileMode.SECRET.permissions());
    assertThat(mode(layout.realityPublicKey())).isEqualTo(FileMode.PUBLIC.permissions());
    assertThat(mode(layout.realityUuid())).isEqualTo(FileMode.PUBLIC.permissions());
    assertThat(mode(layout.etc())).isEqualTo(FileMode.PRIVATE_DIR.permissions());
    assertThat(id.publicKey()).matches("[A-Za-z0-9_-]{43}");
    assertThat(id.publicKey()).isEqualTo(KeyEncoding.REALITY.encode(
        X25519.publicKey(KeyEncoding.REALITY.decode(id.privateKey().reveal()))));
    UUID uuid = UUID.fromString(id.uuid());
    assertThat(uuid.version()).isEqualTo(4);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(id.toString()).doesNotContain(id.privateKey().reveal());
  }

  @Test
  void a_valid_identity_is_reused_untouched() throws Exception {
    RealityIdentity first = store.ensureReality(false);
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    for (Path p : List.of(layout.realityPrivateKey(), layout.realityPublicKey(), layout.realityUuid())) {
      Files.setLastModifiedTime(p, old);
    }
    Map<String, String> before = snapshot(layout.etc());
    RealityIdentity again = store.ensureReality(false);
    assertThat(again).isEqualTo(first);
    assertThat(snapshot(layout.etc())).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(layout.realityPrivateKey())).isEqualTo(old);
    assertThat(store.readReality()).isEqualTo(first);
  }

  static Stream<Arguments> partialSets() {
    List<String> all = List.of("reality.priv", "reality.pub", "reality.uuid");
    List<Arguments> out = new ArrayList<>();
    for (int mask = 1; mask < 7; mask++) {
      List<String> present = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        if ((mask & (1 << i)) != 0) {
          present.add(all.get(i));
        }
      }
      out.add(Arguments.of(present));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partialSets")
  void a_partial_identity_is_refused_and_nothing_written(List<String> present) throws Exception {
    IdentityStore other = new IdentityStore(EdgeLayout.of(tmp.resolve("o/etc"), tmp.resolve("o/state")),
        new FakeClock(NOW), new SecureRandom());
    RealityIdentity source = other.ensureReality(false);
    Files.createDirectories(layout.etc());
    for (String name : present) {
      Files.copy(tmp.resolve("o/etc").resolve(name), layout.etc().resolve(name));
    }
    Map<String, String> before = snapshot(layout.etc());
    assertThatThrownBy(() -> store.ensureReality(false))
        .isInstanceOfSatisfying(IdentityException.class, e -> {
          assertThat(e.kind()).isEqualTo(IdentityException.Kind.PARTIAL_IDENTITY);
          assertThat(e.getMessage()).contains(present.get(0))
              .doesNotContain(source.privateKey().reveal()).doesNotContain(source.publicKey());
        });
    assertThat(snapshot(layout.etc())).isEqualTo(before);
  }

  @Test
  void rotation_backs_up_the_old_files_with_their_modes_then_generates() throws Exception {
    RealityIdentity old = store.ensureReality(false);
    Map<String, String> before = snapshot(layout.etc());
    RealityIdentity rotated = store.ensureReality(true);
    assertThat(rotated.privateKey()).isNotEqualTo(old.privateKey());
    assertThat(rotated.publicKey()).isNotEqualTo(old.publicKey());
    assertThat(rotated.uuid()).isNotEqualTo(old.uuid());
    Map<String, String> after = snapshot(layout.etc());
    for (String name : List.of("reality.priv", "reality.pub", "reality.uuid")) {
      assertThat(after.get(name + ".bak.1700000000")).isEqualTo(before.get(name));
    }
    assertThat(store.readReality()).isEqualTo(rotated);
  }

  @Test
  void rotation_with_nothing_present_just_generates() throws Exception {
    RealityIdentity id = store.ensureReality(true);
    assertThat(snapshot(layout.etc()).keySet()).containsExactly("reality.priv", "reality.pub", "reality.uuid");
    assertThat(store.readReality()).isEqualTo(id);
  }

  static Stream<Arguments> corruptions() {
    return Stream.of(
        Arguments.of("reality.pub", "JO1mrQeilopPnVaX3wsm_ThYr_wNZuVYf-1MsBh0mPs\n", "does not match"),
        Arguments.of("reality.pub", "not-a-key\n", "reality.pub"),
        Arguments.of("reality.priv", "secret-canary-not-a-key\n", "reality.priv"),
        Arguments.of("reality.uuid", "not-a-uuid\n", "reality.uuid"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("corruptions")
  void an_invalid_file_is_a_typed_error_that_quotes_no_key(String file, String content, String message) throws Exception {
    RealityIdentity id = store.ensureReality(false);
    Files.writeString(layout.etc().resolve(file), content);
    Map<String, String> before = snapshot(layout.etc());
    assertThatThrownBy(() -> store.ensureReality(false))
        .isInstanceOfSatisfying(IdentityException.class, e -> {
          assertThat(e.kind()).isEqualTo(IdentityException.Kind.INVALID_KEY_FORMAT);
          assertThat(e.getMessage()).contains(message)
              .doesNotContain(id.privateKey().reveal()).doesNotContain("secret-canary");
        });
    assertThat(snapshot(layout.etc())).isEqualTo(before);
  }

  // ---- AWG -----------------------------------------------------------------------------------

  @Test
  void awg_generates_reuses_and_always_rederives_the_public_key() throws Exception {
    KeyPairText first = store.ensureAwg(false);
    assertThat(read(layout.awgPrivateKey())).isEqualTo(first.privateKey().reveal() + "\n");
    assertThat(read(layout.awgPublicKey())).isEqualTo(first.publicKey() + "\n");
    assertThat(mode(layout.awgPrivateKey())).isEqualTo(FileMode.SECRET.permissions());
    assertThat(mode(layout.awgPublicKey())).isEqualTo(FileMode.PUBLIC.permissions());
    assertThat(first.privateKey().reveal()).matches("[A-Za-z0-9+/]{43}=");
    assertThat(KeyEncoding.WIREGUARD.decode(first.privateKey().reveal())[0] & 7).isZero();

    // A stale or tampered public key file is rewritten from the private key.
    Files.writeString(layout.awgPublicKey(), "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0=\n");
    KeyPairText again = store.ensureAwg(false);
    assertThat(again).isEqualTo(first);
    assertThat(read(layout.awgPublicKey())).isEqualTo(first.publicKey() + "\n");
    Files.delete(layout.awgPublicKey());
    assertThat(store.ensureAwg(false)).isEqualTo(first);
    assertThat(read(layout.awgPublicKey())).isEqualTo(first.publicKey() + "\n");
  }

  @Test
  void an_empty_awg_private_key_counts_as_missing() throws Exception {
    Files.createDirectories(layout.etc());
    Files.writeString(layout.awgPrivateKey(), " \n\t\n");
    KeyPairText p = store.ensureAwg(false);
    assertThat(read(layout.awgPrivateKey())).isEqualTo(p.privateKey().reveal() + "\n");
  }

  @Test
  void awg_rotation_keeps_a_backup() throws Exception {
    KeyPairText old = store.ensureAwg(false);
    KeyPairText rotated = store.ensureAwg(true);
    assertThat(rotated.privateKey()).isNotEqualTo(old.privateKey());
    Path bak = layout.etc().resolve("awg-private.key.bak.1700000000");
    assertThat(read(bak)).isEqualTo(old.privateKey().reveal() + "\n");
    assertThat(mode(bak)).isEqualTo(FileMode.SECRET.permissions());
  }

  @Test
  void an_invalid_awg_private_key_is_refused_without_quoting_it() throws Exception {
    Files.createDirectories(layout.etc());
    Files.writeString(layout.awgPrivateKey(), "awg-canary-0123456789-not-a-wireguard-key==\n");
    assertThatThrownBy(() -> store.ensureAwg(false))
        .isInstanceOfSatisfying(IdentityException.class, e -> {
          assertThat(e.kind()).isEqualTo(IdentityException.Kind.INVALID_KEY_FORMAT);
          assertThat(e.getMessage()).contains("awg-private.key").doesNotContain("awg-canary");
        });
    assertThat(layout.awgPublicKey()).doesNotExist();
  }

  // ---- backup and restore --------------------------------------------------------------------

  private void fullEdge() throws Exception {
    store.ensureReality(false);
    store.ensureAwg(false);
    AtomicFileWriter.writeString(layout.serviceToken(), "stkn_token\n", FileMode.SECRET);
    AtomicFileWriter.writeString(layout.nodeConfig(), "{\"node_id\":\"n\"}\n", FileMode.SECRET);
    AtomicFileWriter.ensureDirectory(layout.state(), FileMode.PRIVATE_DIR);
    AtomicFileWriter.writeString(layout.installEnv(), "NODE_ID='n'\n", FileMode.SECRET);
    AtomicFileWriter.writeString(layout.state().resolve("sfu-keys.env"), "K='v'\n", FileMode.STATUS);
  }

  @Test
  void backup_copies_every_identity_file_byte_for_byte_with_modes() throws Exception {
    fullEdge();
    Path backup = store.backup();
    assertThat(backup).isEqualTo(layout.backupRoot().resolve("oxpulse-backup-1700000000"));
    assertThat(mode(backup)).isEqualTo(FileMode.PRIVATE_DIR.permissions());
    Map<String, String> copied = snapshot(backup);
    Map<String, String> etc = snapshot(layout.etc());
    Map<String, String> state = snapshot(layout.state());
    assertThat(copied.keySet()).containsExactlyInAnyOrderElementsOf(
        Stream.concat(IdentityStore.ETC_BACKUP_FILES.stream(), IdentityStore.STATE_BACKUP_FILES.stream()).toList());
    for (String n : IdentityStore.ETC_BACKUP_FILES) {
      assertThat(copied.get(n)).as(n).isEqualTo(etc.get(n));
    }
    for (String n : IdentityStore.STATE_BACKUP_FILES) {
      assertThat(copied.get(n)).as(n).isEqualTo(state.get(n));
    }
  }

  @Test
  void restore_round_trips_the_identity_byte_for_byte_with_modes() throws Exception {
    fullEdge();
    Map<String, String> original = snapshot(layout.etc());
    Path backup = store.backup();
    EdgeLayout fresh = EdgeLayout.of(tmp.resolve("new/etc"), tmp.resolve("new/state"));
    IdentityStore target = new IdentityStore(fresh, new FakeClock(NOW), new SecureRandom());
    List<String> restored = target.restoreFrom(backup);
    assertThat(restored).containsExactlyElementsOf(IdentityStore.ETC_BACKUP_FILES);
    assertThat(snapshot(fresh.etc())).isEqualTo(original);
    assertThat(mode(fresh.etc())).isEqualTo(FileMode.PRIVATE_DIR.permissions());
    assertThat(target.readReality()).isEqualTo(store.readReality());
    assertThat(target.ensureAwg(false)).isEqualTo(store.ensureAwg(false));
  }

  static Stream<Arguments> badBackups() {
    return Stream.of(
        Arguments.of("missing reality.pub", "reality.pub", null, IdentityException.Kind.INVALID_BACKUP),
        Arguments.of("missing reality.priv", "reality.priv", null, IdentityException.Kind.INVALID_BACKUP),
        Arguments.of("mismatched reality.pub", "reality.pub", "JO1mrQeilopPnVaX3wsm_ThYr_wNZuVYf-1MsBh0mPs\n",
            IdentityException.Kind.INVALID_KEY_FORMAT),
        Arguments.of("bad uuid", "reality.uuid", "{}\n", IdentityException.Kind.INVALID_KEY_FORMAT),
        Arguments.of("bad awg key", "awg-private.key", "not-a-key\n", IdentityException.Kind.INVALID_KEY_FORMAT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBackups")
  void an_invalid_backup_is_refused_before_anything_is_written(
      String name, String file, String content, IdentityException.Kind kind) throws Exception {
    fullEdge();
    Path backup = store.backup();
    if (content == null) {
      Files.delete(backup.resolve(file));
    } else {
      Files.writeString(backup.resolve(file), content);
    }
    EdgeLayout fresh = EdgeLayout.of(tmp.resolve("new/etc"), tmp.resolve("new/state"));
    IdentityStore target = new IdentityStore(fresh, new FakeClock(NOW), new SecureRandom());
    assertThatThrownBy(() -> target.restoreFrom(backup))
        .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    assertThat(fresh.etc()).doesNotExist();
    // an existing edge is not touched either
    Map<String, String> live = snapshot(layout.etc());
    assertThatThrownBy(() -> store.restoreFrom(backup)).isInstanceOf(IdentityException.class);
    assertThat(snapshot(layout.etc())).isEqualTo(live);
  }

  @Test
  void a_missing_backup_directory_is_refused() {
    assertThatThrownBy(() -> store.restoreFrom(tmp.resolve("nope")))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.kind()).isEqualTo(IdentityException.Kind.INVALID_BACKUP));
    assertThat(layout.etc()).doesNotExist();
  }
}
