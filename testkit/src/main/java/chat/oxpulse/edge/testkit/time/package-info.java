/**
 * Time for fakes that tick: a scheduler interface with a real implementation and a manual one that
 * tests advance, so a fake can keep a real component's delays (Caddy's 10 s gauge ticker) without
 * slowing tests down.
 */
package chat.oxpulse.edge.testkit.time;
