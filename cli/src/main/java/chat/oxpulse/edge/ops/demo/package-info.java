/**
 * {@code oxpulse-edge demo}: a whole edge lifecycle on this machine with no VPS, narrated through a
 * {@link chat.oxpulse.edge.ops.demo.EdgeDemo.Narrator}: the testkit's fake backend issues a
 * node-config, install renders and starts the stack on a private, real dockerd when this machine can
 * run one (else, or with {@code --engine fake}, on the testkit's fake Docker Engine), Caddy (the real one
 * when installed) health-checks local channel stand-ins, the watch loop runs, one channel goes down
 * and comes back, and the alerts arrive at the fake Telegram.
 */
package chat.oxpulse.edge.ops.demo;
