/**
 * Docker Engine stand-ins for tests: {@link chat.oxpulse.edge.testkit.docker.FakeDockerEngine}, an
 * in-process HTTP server speaking the part of the Engine API that docker-java uses, and {@link
 * chat.oxpulse.edge.testkit.docker.PrivateDockerd}, a launcher for a throw-away real dockerd.
 */
package chat.oxpulse.edge.testkit.docker;
