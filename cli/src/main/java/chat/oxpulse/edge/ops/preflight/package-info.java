/**
 * Install step 1 (edge-reference.md §9.2): the host checks that must pass before install writes
 * anything (Linux, root, free disk, free public ports) and the ones that are only reported
 * (systemd), behind {@link chat.oxpulse.edge.ops.preflight.PreflightProbes} so tests can drive
 * every branch.
 */
package chat.oxpulse.edge.ops.preflight;
