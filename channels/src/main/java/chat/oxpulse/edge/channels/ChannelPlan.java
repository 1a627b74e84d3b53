package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.channels.render.AwgRender;
import chat.oxpulse.edge.core.config.HostPort;
import chat.oxpulse.edge.core.status.ChannelState;
import chat.oxpulse.edge.core.status.ChannelStatus;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state of every channel, why, and what follows from it: the overall outcome, the Caddy upstream
 * pool, the compose profiles and the {@code channels-status.env} content. Immutable; {@link
 * #withState} records what ops learns later (a unit that would not start, a container that died).
 */
public final class ChannelPlan {

  private final Map<Channel, ChannelDecision> decisions;
  private final Map<Channel, HostPort> upstreams;
  private final Optional<AwgRender> awgRender;

  ChannelPlan(Map<Channel, ChannelDecision> decisions, Map<Channel, HostPort> upstreams,
      Optional<AwgRender> awgRender) {
    this.decisions = new EnumMap<>(decisions);
    this.upstreams = new EnumMap<>(upstreams);
    this.awgRender = awgRender;
    for (Channel c : Channel.values()) {
      if (!this.decisions.containsKey(c)) {
        throw new IllegalArgumentException("no decision for " + c);
      }
    }
  }

  /** Every decision, in status-file order (xray, hysteria2, naive, awg). */
  public List<ChannelDecision> decisions() {
    return List.copyOf(decisions.values());
  }

  /** The decision for one channel. */
  public ChannelDecision decision(Channel c) {
    return decisions.get(c);
  }

  /** The state of one channel. */
  public ChannelState state(Channel c) {
    return decisions.get(c).state();
  }

  /** The active channels. */
  public Set<Channel> activeChannels() {
    Set<Channel> s = EnumSet.noneOf(Channel.class);
    decisions.values().stream().filter(ChannelDecision::active).forEach(d -> s.add(d.channel()));
    return s;
  }

  /**
   * OK when nothing failed or degraded; FAILED when no bypass channel (xray, hysteria2, naive) is
   * active — the reference's "all bypass channels failed" guard; DEGRADED otherwise.
   */
  public PlanOutcome outcome() {
    boolean anyBypassActive = decisions.values().stream()
        .anyMatch(d -> d.active() && d.channel().countsForAllFailedGuard());
    if (!anyBypassActive) {
      return PlanOutcome.FAILED;
    }
    boolean impaired = decisions.values().stream()
        .anyMatch(d -> d.state().isFailed() || d.state() == ChannelState.DEGRADED);
    return impaired ? PlanOutcome.DEGRADED : PlanOutcome.OK;
  }

  /**
   * The reverse_proxy pool in {@code lb_policy first} order, ACTIVE channels only: the AWG hub
   * (when enabled), {@code xray-client:3080}, the hysteria2 upstream, {@code 127.0.0.1:<socks>}.
   */
  public List<HostPort> upstreamPool() {
    List<HostPort> pool = new ArrayList<>();
    for (Channel c : List.of(Channel.AWG, Channel.XRAY, Channel.HYSTERIA2, Channel.NAIVE)) {
      HostPort hp = upstreams.get(c);
      if (hp != null && decisions.get(c).active()) {
        pool.add(hp);
      }
    }
    return pool;
  }

  /** The compose profiles to start ({@code COMPOSE_PROFILES}), e.g. {@code ch3,ch5}. */
  public String composeProfiles() {
    return decisions.values().stream()
        .filter(ChannelDecision::active)
        .map(d -> d.channel().composeProfile().orElse(null))
        .filter(p -> p != null)
        .collect(Collectors.joining(","));
  }

  /** The AWG render, when the edge has an {@code awg} object. */
  public Optional<AwgRender> awgRender() {
    return awgRender;
  }

  /** The {@code channels-status.env} content, keys in install order. */
  public ChannelsStatusFile statusFile() {
    List<ChannelStatus> entries = new ArrayList<>();
    for (ChannelDecision d : decisions.values()) {
      entries.add(ChannelStatus.of(d.channel().statusKey(), d.state()));
    }
    return ChannelsStatusFile.of(entries);
  }

  /**
   * A copy with one channel's state replaced (e.g. {@code failed_at_setup} when {@code
   * awg-quick@awg0} would not start). A channel that is no longer active loses its files and its
   * place in the pool.
   */
  public ChannelPlan withState(Channel c, ChannelState state, String reason) {
    Map<Channel, ChannelDecision> copy = new EnumMap<>(decisions);
    List<RenderedFile> files = state == ChannelState.ACTIVE || state == ChannelState.DEGRADED
        ? decisions.get(c).files() : List.of();
    copy.put(c, new ChannelDecision(c, state, reason, files));
    return new ChannelPlan(copy, upstreams, awgRender);
  }

  @Override
  public String toString() {
    return "ChannelPlan[" + outcome() + ", " + decisions.values().stream()
        .map(d -> d.channel().statusKey() + "=" + d.state().wire())
        .collect(Collectors.joining(", ")) + "]";
  }
}
