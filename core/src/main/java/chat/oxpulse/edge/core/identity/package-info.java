/**
 * The edge's identity: X25519 key pairs in pure Java for Reality (base64url, 43 chars) and AWG
 * (standard base64, 44 chars, clamped), the VLESS UUID, and their reuse, generation, rotation,
 * backup and restore on disk.
 */
package chat.oxpulse.edge.core.identity;
