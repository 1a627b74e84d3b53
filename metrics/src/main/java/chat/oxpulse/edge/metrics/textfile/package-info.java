/**
 * The edge's own {@code partner_edge_*} metrics as a node_exporter textfile-collector file: one
 * HELP and TYPE line per family, samples grouped, mode 0644, written atomically.
 */
package chat.oxpulse.edge.metrics.textfile;
