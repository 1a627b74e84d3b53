/**
 * Implementation of the Docker fakes and launcher: engine state, the container state machine, the
 * busybox command model, log frames, and a minimal HTTP client over a unix socket. Not API.
 */
package chat.oxpulse.edge.testkit.docker.internal;
