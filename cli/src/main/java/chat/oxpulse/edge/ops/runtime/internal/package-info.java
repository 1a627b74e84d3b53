/**
 * Not API: the Engine-API reader's transport (one GET over a unix socket or plain TCP, with its
 * framing and bounds) and its streaming reads of the engine's JSON answers.
 */
package chat.oxpulse.edge.ops.runtime.internal;
