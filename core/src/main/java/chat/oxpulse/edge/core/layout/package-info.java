/** Every path of an edge, derived from two roots that flags and environment variables can move. */
package chat.oxpulse.edge.core.layout;
