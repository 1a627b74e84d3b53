/**
 * The edge's small state files and their codecs, byte-compatible with the reference shell
 * implementation: {@code channels-status.env}, {@code install.env} (and other single-quoted shell
 * env files) and {@code upstream-state.env}. Codecs read and format text; writing goes through
 * {@link chat.oxpulse.edge.core.files.AtomicFileWriter}.
 */
package chat.oxpulse.edge.core.status;
