/**
 * Docker Engine stand-ins for tests: {@link chat.oxpulse.edge.testkit.docker.FakeDockerEngine}, an
 * in-process HTTP server speaking the part of the Engine API that docker-java uses, {@link
 * chat.oxpulse.edge.testkit.docker.PrivateDockerd}, a launcher for a throw-away real dockerd, and
 * {@link chat.oxpulse.edge.testkit.docker.DockerEngineCompatibilityKit}, the one suite both must
 * pass (it needs docker-java, an optional dependency, on the user's test classpath).
 */
package chat.oxpulse.edge.testkit.docker;
