/** Implementation details of {@code ops}; not API. */
package chat.oxpulse.edge.ops.internal;
