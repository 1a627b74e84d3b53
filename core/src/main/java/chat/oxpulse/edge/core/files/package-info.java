/**
 * Safe files: atomic writes with an explicit POSIX mode, directory creation with a mode, and a
 * cross-process file lock with a timeout. Every file the edge writes goes through {@link
 * chat.oxpulse.edge.core.files.AtomicFileWriter}.
 */
package chat.oxpulse.edge.core.files;
