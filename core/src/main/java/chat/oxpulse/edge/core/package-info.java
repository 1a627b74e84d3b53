/**
 * The typed, validated model of a partner edge and the small foundations every other module stands
 * on: {@link chat.oxpulse.edge.core.Secret} values that never print, the {@link
 * chat.oxpulse.edge.core.Sleeper} that pairs with an injected {@link java.time.Clock}, and tool
 * lookup. Sub-packages hold the node-config model ({@code config}), status and state file codecs
 * ({@code status}), paths ({@code layout}), safe file writes and locks ({@code files}) and identity
 * keys ({@code identity}).
 */
package chat.oxpulse.edge.core;
