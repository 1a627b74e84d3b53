/** Field rules and JSON helpers behind the config model. Not API. */
package chat.oxpulse.edge.core.config.internal;
