/**
 * JSON reading without an {@code ObjectMapper}: a streaming parse into a {@code JsonNode} tree, so
 * the one-shot health tick and the {@code watch} daemon do not pay for databind's mapper
 * initialisation and introspection.
 */
package chat.oxpulse.edge.core.json;
