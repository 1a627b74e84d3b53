/**
 * The {@code oxpulse-edge} operator CLI: thin picocli commands over the libraries and {@code ops}.
 * This is the only package that prints or exits.
 */
package chat.oxpulse.edge.cli;
